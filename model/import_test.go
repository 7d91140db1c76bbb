package model_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"bulletin/model"
	"bulletin/model/casefile"
)

// importRows is a file with good rows, bad rows of each kind and a duplicate.
// Row numbers as Excel shows them: the header is row 1.
func importRows(long string) [][]string {
	return [][]string{
		{"标题", "来源平台", "网民昵称", "发布时间", "收集时间", "风险等级", "原文内容", "责任单位", "备用列"},
		{"东风小区连续停水两天无通知", "人民网领导留言板", "城关老李", "2026-03-04 08:12", "", "一般", "停水两天。", "县自来水公司", "x"}, // 2 ok
		{"建设路片区自来水发黄", "抖音", "小城日记", "2026/3/6 19:40", "", "较大", "水发黄。", "县住建局、县自来水公司", ""},         // 3 ok
		{"县医院门诊挂号排队时间过长", "阳光理政", "匿名", "2026年3月5日", "", "一般", "", "县卫健局", ""},                      // 4 unknown department
		{"", "微博", "某人", "2026-03-05", "", "", "没有标题", "", ""},                                      // 5 no title
		{"日期错了", "微博", "某人", "2026/2/30", "", "", "", "", ""},                                       // 6 bad date
		{"东风小区连续停水两天无通知", "人民网领导留言板", "城关老李", "2026-03-04 08:12", "", "一般", "又一次", "", ""},          // 7 same as row 2
		{"𠮷野家门口排队😀", "12345", "王师傅", "46085.5", "", "重大", long, "", ""},                             // 8 ok, long
		{"发布晚于收集", "微信", "某人", "2026-03-09", "2026-03-08", "", "", "", ""},                          // 9 times out of order
	}
}

// writeImportFile writes rows as a .csv (UTF-8 or GBK) or .xlsx file.
func writeImportFile(tb testing.TB, format string, rows [][]string) string {
	tb.Helper()
	dir := tb.TempDir()
	if format == "xlsx" {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
				tb.Fatal(err)
			}
		}
		path := filepath.Join(dir, "cases.xlsx")
		if err := f.SaveAs(path); err != nil {
			tb.Fatal(err)
		}
		return path
	}
	var b strings.Builder
	for _, r := range rows {
		for i, c := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"` + strings.ReplaceAll(c, `"`, `""`) + `"`)
		}
		b.WriteString("\r\n")
	}
	data := []byte(b.String())
	if format == "gbk" {
		var err error
		if data, err = simplifiedchinese.GB18030.NewEncoder().Bytes(data); err != nil {
			tb.Fatal(err)
		}
	}
	path := filepath.Join(dir, "cases.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// rejectedLines renders a report's rejected rows as "line: reason".
func rejectedLines(r *casefile.Report) []string {
	var out []string
	for _, row := range r.Rejected() {
		out = append(out, fmt.Sprintf("%d: %s", row.Line, row.Reason))
	}
	return out
}

func TestImportFile(t *testing.T) {
	long := strings.Repeat("很长的帖子𠮷😀", 15000) // 105,000 characters
	tests := []struct{ name, format string }{{"UTF-8 CSV", "utf8"}, {"GBK CSV", "gbk"}, {"xlsx", "xlsx"}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := model.MustOpenStore(t)
			for _, name := range []string{"县自来水公司", "县住建局"} {
				if err := s.CreateDepartment(ctx, &model.Department{Name: name}); err != nil {
					t.Fatal(err)
				}
			}
			content := long
			if tt.format == "xlsx" { // an Excel cell holds at most 32,767 characters
				content = strings.Repeat("很长的帖子𠮷😀", 3000)
			}
			path := writeImportFile(t, tt.format, importRows(content))

			rep, err := casefile.ImportFile(ctx, s, path, "", model.ImportOptions{})
			if err != nil {
				t.Fatalf("ImportFile: %v", err)
			}
			wantRejected := []string{
				"4: 责任单位“县卫健局”不在单位名录中",
				"5: 标题不能为空",
				"6: 发布时间“2026/2/30”无法识别，应写成 2026-03-04 08:12、2026/3/4 或 2026年3月4日",
				"7: 重复：与本文件第 2 行相同",
				"9: 发布时间 2026-03-09 晚于收集时间 2026-03-08",
			}
			if got := rejectedLines(rep); !reflect.DeepEqual(got, wantRejected) {
				t.Errorf("rejected =\n%q\nwant\n%q", got, wantRejected)
			}
			if !reflect.DeepEqual(rep.Read.Unknown, []string{"备用列"}) || !reflect.DeepEqual(rep.Store.UnknownDepartments, []string{"县卫健局"}) {
				t.Errorf("unknown columns %q, departments %q", rep.Read.Unknown, rep.Store.UnknownDepartments)
			}
			got, total, err := s.FindCases(ctx, model.CaseFilter{Sort: model.SortNumber})
			if err != nil {
				t.Fatal(err)
			}
			wantTitles := []string{"东风小区连续停水两天无通知", "建设路片区自来水发黄", "𠮷野家门口排队😀"}
			if titles := titlesOf(got); total != 3 || !reflect.DeepEqual(titles, wantTitles) {
				t.Fatalf("cases after import = %d %q, want %q", total, titles, wantTitles)
			}
			if got[0].Number != "2026-0001" || !got[0].Posted.Equal(time.Date(2026, 3, 4, 8, 12, 0, 0, time.Local)) ||
				got[1].Departments[1] != "县自来水公司" || got[2].Content != content ||
				!got[2].Posted.Equal(time.Date(2026, 3, 4, 12, 0, 0, 0, time.Local)) {
				t.Errorf("imported cases differ: %s %v %q %d/%d runes %v", got[0].Number, got[0].Posted, got[1].Departments,
					len([]rune(got[2].Content)), len([]rune(content)), got[2].Posted)
			}

			// The same file again, now creating departments: only row 4 is new.
			rep, err = casefile.ImportFile(ctx, s, path, "", model.ImportOptions{CreateDepartments: true})
			if err != nil {
				t.Fatalf("second ImportFile: %v", err)
			}
			wantRejected = []string{
				"2: 重复：与已有案件 2026-0001 相同",
				"3: 重复：与已有案件 2026-0002 相同",
				"5: 标题不能为空",
				"6: 发布时间“2026/2/30”无法识别，应写成 2026-03-04 08:12、2026/3/4 或 2026年3月4日",
				"7: 重复：与已有案件 2026-0001 相同",
				"8: 重复：与已有案件 2026-0003 相同",
				"9: 发布时间 2026-03-09 晚于收集时间 2026-03-08",
			}
			if got := rejectedLines(rep); !reflect.DeepEqual(got, wantRejected) {
				t.Errorf("rerun rejected =\n%q\nwant\n%q", got, wantRejected)
			}
			if len(rep.Imported) != 1 || rep.Imported[0].Number != "2026-0004" ||
				!reflect.DeepEqual(rep.Store.CreatedDepartments, []string{"县卫健局"}) {
				t.Errorf("rerun imported %d, created departments %q", len(rep.Imported), rep.Store.CreatedDepartments)
			}
			if !strings.Contains(rep.Text(), "第 4 行 → 2026-0004 县医院门诊挂号排队时间过长") {
				t.Errorf("report text lacks the imported row:\n%s", rep.Text())
			}

			// A third run imports nothing at all.
			rep, err = casefile.ImportFile(ctx, s, path, "", model.ImportOptions{CreateDepartments: true})
			if err != nil || len(rep.Imported) != 0 || rep.Duplicates() != 5 {
				t.Errorf("third run: err %v, imported %d, duplicates %d; want 0 imported, 5 duplicates",
					err, len(rep.Imported), rep.Duplicates())
			}
		})
	}
}

func titlesOf(cs []*model.Case) []string {
	var ts []string
	for _, c := range cs {
		ts = append(ts, c.Title)
	}
	return ts
}

func TestImportDryRunAndDeletedCase(t *testing.T) {
	ctx := context.Background()
	s := model.MustOpenStore(t)
	cs := []*model.Case{{Title: "一", Departments: []string{"新单位"}}, {Title: "二"},
		{Title: "", Departments: []string{"无效行的单位"}}, {Title: "一", Departments: []string{"重复行的单位"}}}
	res, err := s.ImportCases(ctx, cs, model.ImportOptions{DryRun: true, CreateDepartments: true})
	if err != nil || len(res.Imported) != 2 || !reflect.DeepEqual(res.CreatedDepartments, []string{"新单位"}) {
		t.Fatalf("dry run: %v, %d imported, created %q", err, len(res.Imported), res.CreatedDepartments)
	}
	if _, n, _ := s.FindCases(ctx, model.CaseFilter{}); n != 0 {
		t.Fatalf("dry run wrote %d cases", n)
	}
	if ds, _ := s.FindDepartments(ctx); len(ds) != 0 {
		t.Fatalf("dry run wrote %d departments", len(ds))
	}
	res, err = s.ImportCases(ctx, []*model.Case{{Title: "二"}}, model.ImportOptions{})
	if err != nil || len(res.Imported) != 1 {
		t.Fatalf("import: %v, %+v", err, res)
	}
	if err := s.DeleteCase(ctx, res.Imported[0].ID); err != nil {
		t.Fatal(err)
	}
	res, err = s.ImportCases(ctx, []*model.Case{{Title: "二"}}, model.ImportOptions{})
	want := []model.ImportSkip{{Index: 0, Reason: "重复：以前已导入过（案件已删除）", Duplicate: true}}
	if err != nil || !reflect.DeepEqual(res.Skipped, want) {
		t.Errorf("re-import of a deleted case: %v, skipped %+v, want %+v", err, res.Skipped, want)
	}
}

// TestExportImportRoundTrip exports every case to .csv and .xlsx and imports
// each file into a fresh database: the cases come back the same.
func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := model.MustOpenStore(t)
	orig := []*model.Case{{
		Title: "=1+1 学校门口早晚高峰交通拥堵", Source: "微博", URL: "https://weibo.example/abc", Poster: "家长群小周",
		Posted: time.Date(2026, 3, 7, 7, 55, 0, 0, time.Local), Collected: time.Date(2026, 3, 7, 9, 1, 2, 0, time.Local),
		Area: "城关镇", Domain: "交通", Kind: "建议", Risk: "较大", Spread: "转发 1200",
		Content: strings.Repeat("每天早上堵成一锅粥😀𠮷。\n", 9000), Summary: "摘要", Assessment: "研判", Proposal: "建议",
		Departments: []string{"县公安局交警大队", "县教育局"}, Due: time.Date(2026, 3, 14, 0, 0, 0, 0, time.Local),
		Handling: "办理中", Reply: "", Remarks: "备注",
	}, {Title: "只有标题"}}
	if _, err := src.ImportCases(ctx, orig, model.ImportOptions{CreateDepartments: true}); err != nil {
		t.Fatal(err)
	}
	want, _, err := src.FindCases(ctx, model.CaseFilter{Sort: model.SortNumber})
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			write := casefile.WriteCSV
			if format == "xlsx" {
				write = casefile.WriteXLSX
			}
			if err := write(&buf, want); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "export."+format)
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			dst := model.MustOpenStore(t)
			rep, err := casefile.ImportFile(ctx, dst, path, "", model.ImportOptions{CreateDepartments: true})
			if err != nil || len(rep.Rejected()) > 0 {
				t.Fatalf("import: %v, rejected %q", err, rejectedLines(rep))
			}
			got, _, err := dst.FindCases(ctx, model.CaseFilter{Sort: model.SortNumber})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("got %d cases, want %d", len(got), len(want))
			}
			for i := range want {
				if g, w := userFields(got[i]), userFields(want[i]); !reflect.DeepEqual(g, w) {
					t.Errorf("case %d:\ngot  %.300v\nwant %.300v", i, g, w)
				}
			}
		})
	}
}

// userFields is a case without what the store assigns (ID, stamps).
func userFields(c *model.Case) model.Case {
	u := *c
	u.ID, u.CreatedAt, u.UpdatedAt = 0, time.Time{}, time.Time{}
	return u
}
