package casefile

import (
	"strings"
	"testing"
)

func TestReadReportFields(t *testing.T) {
	tests := []struct {
		name, header, row string
		check             func(t *testing.T, r Row)
	}{
		{"counts in 万 and with commas, a flag, a sentiment", "标题,阅读量,转发数,评论,点赞数,统计时间,重点,情感倾向",
			"噪音扰民,1.2万,\"1,024\",3千,0,2026-03-07 18:00,是,负面", func(t *testing.T, r Row) {
				c := r.Case
				if c == nil || c.Views != 12000 || c.Reposts != 1024 || c.Comments != 3000 || c.Likes != 0 ||
					c.CountedAt.IsZero() || !c.Important || c.Sentiment != "负面" {
					t.Errorf("case %+v, reason %q", c, r.Reason)
				}
			}},
		{"counts without their time take the 收集时间", "标题,收集时间,阅读数", "噪音扰民,2026-03-07 09:00,500",
			func(t *testing.T, r Row) {
				if r.Case == nil || !r.Case.CountedAt.Equal(r.Case.Collected) || len(r.Notes) != 1 {
					t.Errorf("case %+v, notes %v, reason %q", r.Case, r.Notes, r.Reason)
				}
			}},
		{"a bad count", "标题,阅读数,统计时间", "噪音扰民,很多,2026-03-07", func(t *testing.T, r Row) {
			if r.Case != nil || !strings.Contains(r.Reason, "阅读(播放)数“很多”应为不小于 0 的数字") {
				t.Errorf("case %+v, reason %q", r.Case, r.Reason)
			}
		}},
		{"a bad flag", "标题,重点", "噪音扰民,也许", func(t *testing.T, r Row) {
			if r.Case != nil || !strings.Contains(r.Reason, "重点“也许”应为“是”或“否”") {
				t.Errorf("reason %q", r.Reason)
			}
		}},
		{"a bad visit result", "标题,回访结果,回访时间", "噪音扰民,很好,2026-03-20", func(t *testing.T, r Row) {
			if r.Case != nil || !strings.Contains(r.Reason, "回访结果「很好」无效") {
				t.Errorf("reason %q", r.Reason)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ReadCSV(strings.NewReader(tt.header + "\n" + tt.row + "\n"))
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) != 1 {
				t.Fatalf("%d rows", len(res.Rows))
			}
			tt.check(t, res.Rows[0])
		})
	}
}
