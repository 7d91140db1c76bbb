package model

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestReportFieldsValidate(t *testing.T) {
	counted := date(2026, 11, 20).Add(15 * time.Hour)
	tests := []struct {
		name string
		edit func(c *Case)
		want string // "" = valid
	}{
		{"all filled", func(c *Case) {
			c.Sentiment, c.Important = "负面", true
			c.Engagement = Engagement{Views: 12000, Reposts: 30, Comments: 88, Likes: 5, CountedAt: counted}
			c.VisitResult, c.VisitedAt = "基本满意", counted
		}, ""},
		{"nothing filled", func(c *Case) {}, ""},
		{"未回访 needs no time", func(c *Case) { c.VisitResult = "未回访" }, ""},
		{"a bad sentiment", func(c *Case) { c.Sentiment = "消极" }, "情感倾向「消极」无效，应为：正面、中性、负面"},
		{"a negative number", func(c *Case) { c.Engagement = Engagement{Reposts: -1, CountedAt: counted} }, "转发数不能为负数"},
		{"numbers without their time", func(c *Case) { c.Views = 100 }, "填写了阅读数等传播数据时，请同时填写统计时间"},
		{"a bad visit result", func(c *Case) { c.VisitResult = "很好" }, "回访结果「很好」无效，应为：满意、基本满意、不满意、未回访"},
		{"a visit without its time", func(c *Case) { c.VisitResult = "满意" }, "回访结果为“满意”时，请填写回访时间"},
		{"a visit time without a result", func(c *Case) { c.VisitedAt = counted }, "填写了回访时间，请选择回访结果"},
		{"a visit before the reply", func(c *Case) {
			c.RepliedAt, c.VisitResult, c.VisitedAt = counted, "满意", date(2026, 11, 19)
		}, "回访时间早于回复日期"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Case{Title: "噪音扰民", Status: StatusPending}
			tt.edit(&c)
			err := c.Validate()
			if got := ErrorMessage(err); (err == nil) != (tt.want == "") || err != nil && got != tt.want {
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestReportFieldsRoundTripAndFilter(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	counted := date(2026, 11, 20).Add(15 * time.Hour)
	neg := mustCreateCase(t, s, Case{Title: "学校周边交通拥堵", Sentiment: "负面", Important: true,
		Engagement: Engagement{Views: 56000, Reposts: 120, Comments: 340, Likes: 77, CountedAt: counted}})
	mustCreateCase(t, s, Case{Title: "表扬环卫工人", Sentiment: "正面"})
	plain := mustCreateCase(t, s, Case{Title: "咨询社保"})
	got, err := s.FindCaseByID(ctx, neg.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Sentiment != "负面" || !got.Important || !reflect.DeepEqual(got.Engagement, neg.Engagement) {
		t.Errorf("read back %+v / %+v, want %+v", got.Engagement, got, neg.Engagement)
	}
	visit, result, eng := date(2026, 11, 27), "满意", Engagement{Views: 10, CountedAt: counted}
	important := true
	upd, err := s.UpdateCase(ctx, plain.ID, CaseUpdate{VisitResult: &result, VisitedAt: &visit, Engagement: &eng, Important: &important})
	if err != nil {
		t.Fatal(err)
	}
	if upd.VisitResult != "满意" || !upd.VisitedAt.Equal(visit) || upd.Views != 10 || !upd.Important {
		t.Errorf("updated %+v", upd)
	}
	for _, tt := range []struct {
		name string
		f    CaseFilter
		want []string
	}{
		{"负面", CaseFilter{Sentiment: "负面"}, []string{"学校周边交通拥堵"}},
		{"重点", CaseFilter{Important: true}, []string{"学校周边交通拥堵", "咨询社保"}},
		{"重点 and a search", CaseFilter{Important: true, Query: "社保"}, []string{"咨询社保"}},
	} {
		cs, n, err := s.FindCases(ctx, tt.f)
		var titles []string
		for _, c := range cs {
			titles = append(titles, c.Title)
		}
		if err != nil || n != len(tt.want) || !reflect.DeepEqual(titles, tt.want) {
			t.Errorf("%s: %v, %d %v, want %v", tt.name, err, n, titles, tt.want)
		}
	}
	bad := "消极"
	if _, err := s.UpdateCase(ctx, plain.ID, CaseUpdate{Sentiment: &bad}); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "情感倾向") {
		t.Errorf("bad sentiment: %v", err)
	}
}

// An import keeps the report fields of each row; an imported 办理时限 is not a
// 原定时限 until the case is assigned.
func TestImportKeepsReportFields(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	counted := date(2026, 11, 20).Add(15 * time.Hour)
	in := &Case{Title: "景区门票涨价", Sentiment: "负面", Important: true, VisitResult: "未回访",
		Engagement: Engagement{Views: 1200, Likes: 3, CountedAt: counted}, Due: date(2026, 12, 10)}
	if _, err := s.ImportCases(ctx, []*Case{in}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	cs, _, err := s.FindCases(ctx, CaseFilter{Brief: true})
	if err != nil || len(cs) != 1 {
		t.Fatalf("FindCases: %v, %d", err, len(cs))
	}
	got := cs[0]
	if got.Sentiment != "负面" || !got.Important || got.VisitResult != "未回访" ||
		!reflect.DeepEqual(got.Engagement, in.Engagement) || !got.OriginalDue.IsZero() {
		t.Errorf("imported %+v", got)
	}
}
