package model_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"bulletin/model"
	"bulletin/model/casefile"
)

// historyRows is a 台账 with every state, the handling times and the
// inconsistencies that are rejected. Row numbers as Excel shows them.
func historyRows() [][]string {
	return [][]string{
		{"编号", "标题", "发布时间", "收集时间", "状态", "责任单位", "交办时间", "办理时限", "回复时间", "回复内容", "办结时间", "回访结果", "情感倾向", "阅读(播放)数", "转发数", "回访时间"},
		{"2026-0100", "待研判的", "2026-03-01 08:00", "2026-03-01 09:00", "待研判", "", "", "", "", "", "", "", "中性", "", "", ""},                                                                                     // 2
		{"2026-0101", "已交办的", "2026-03-02 08:00", "2026-03-02 09:00", "已交办", "县住建局", "2026-03-02 10:00", "2026-03-10", "", "", "", "", "负面", "1.2万", "30", ""},                                                 // 3
		{"2026-0102", "已回复的", "2026-03-03 08:00", "2026-03-03 09:00", "已回复", "县住建局", "2026-03-03 10:00", "2026-03-10", "2026-03-05 16:00", "已处理。", "", "", "", "", "", ""},                                     // 4
		{"2026-0103", "已办结的", "2026-03-04 08:00", "2026-03-04 09:00", "已办结", "县教育局", "2026-03-04 10:00", "2026-03-12", "2026-03-06 16:00", "已答复。", "2026-03-07 09:00", "满意", "正面", "", "", "2026-03-08 10:00"}, // 5
		{"", "回复早于交办", "2026-03-05 08:00", "2026-03-05 09:00", "已回复", "县住建局", "2026-03-05 10:00", "", "2026-03-04 16:00", "", "", "", "", "", "", ""},                                                          // 6
		{"", "办结无时间", "2026-03-06 08:00", "2026-03-06 09:00", "已办结", "县住建局", "2026-03-06 10:00", "", "2026-03-07 16:00", "", "", "", "", "", "", ""},                                                           // 7
		{"", "状态不认识", "2026-03-07 08:00", "2026-03-07 09:00", "处理中", "", "", "", "", "", "", "", "", "", "", ""},                                                                                               // 8
		{"2026-0001", "编号已被占用", "2026-03-08 08:00", "2026-03-08 09:00", "", "", "", "", "", "", "", "", "", "", "", ""},                                                                                        // 9
	}
}

// TestImportHistory imports a 台账 with its handling: each state with its
// times, one 导入（原状态：…）event per case, the 编号 kept when free, the
// inconsistent rows rejected with their row number and reason; a rerun adds
// nothing.
func TestImportHistory(t *testing.T) {
	for _, format := range []string{"utf8", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			ctx := context.Background()
			s := model.MustOpenStore(t)
			if err := s.CreateCase(ctx, &model.Case{Title: "已有的案件"}); err != nil { // takes 2026-0001
				t.Fatal(err)
			}
			path := writeImportFile(t, format, historyRows())
			rep, err := casefile.ImportFile(ctx, s, path, "", model.ImportOptions{CreateDepartments: true})
			if err != nil {
				t.Fatal(err)
			}
			wantRejected := []string{
				"6: 回复时间 2026-03-04 16:00 早于交办时间 2026-03-05 10:00",
				"7: 状态为已办结，但没有办结时间",
				"8: 状态“处理中”无法识别，应为待研判、已交办、已回复、已办结之一",
			}
			if got := rejectedLines(rep); !reflect.DeepEqual(got, wantRejected) {
				t.Errorf("rejected =\n%q\nwant\n%q", got, wantRejected)
			}
			if !strings.Contains(rep.Text(), "第 9 行：编号 2026-0001 已被已有案件占用，已重新编号") {
				t.Errorf("report lacks the renumbering note:\n%s", rep.Text())
			}
			cases, _, err := s.FindCases(ctx, model.CaseFilter{Sort: model.SortNumber})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cases {
				evs, err := s.FindCaseEvents(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				ev := ""
				if len(evs) == 1 {
					ev = evs[0].Action + strings.TrimPrefix(evs[0].Note, "从 "+filepath.Base(path)+" 导入")
				}
				got = append(got, fmt.Sprintf("%s %s %s %s 交办%s 时限%s 回复%s 办结%s %s %s %d %s", c.Number, c.Title, c.Status,
					strings.Join(c.Departments, "、"), fmtT(c.AssignedAt), c.Due.Format("01-02"), fmtT(c.RepliedAt), fmtT(c.ClosedAt),
					c.VisitResult, c.Sentiment, c.Views, ev))
			}
			want := []string{
				"2026-0001 已有的案件 待研判  交办- 时限01-01 回复- 办结-   0 登记",
				"2026-0100 待研判的 待研判  交办- 时限01-01 回复- 办结-  中性 0 导入（原状态：待研判）",
				"2026-0101 已交办的 已交办 县住建局 交办03-02 10:00 时限03-10 回复- 办结-  负面 12000 导入（原状态：已交办）",
				"2026-0102 已回复的 已回复 县住建局 交办03-03 10:00 时限03-10 回复03-05 16:00 办结-   0 导入（原状态：已回复）",
				"2026-0103 已办结的 已办结 县教育局 交办03-04 10:00 时限03-12 回复03-06 16:00 办结03-07 09:00 满意 正面 0 导入（原状态：已办结）",
				"2026-0104 编号已被占用 待研判  交办- 时限01-01 回复- 办结-   0 导入（原状态：待研判）",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("cases =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}

			rep, err = casefile.ImportFile(ctx, s, path, "", model.ImportOptions{CreateDepartments: true})
			if err != nil || rep.Store.Count != 0 || rep.Duplicates() != 5 {
				t.Errorf("rerun: %v, imported %d, duplicates %d; want 0 and 5", err, rep.Store.Count, rep.Duplicates())
			}
		})
	}
}

func fmtT(t interface{ Format(string) string }) string {
	s := t.Format("01-02 15:04")
	if strings.HasPrefix(s, "01-01 00:00") {
		return "-"
	}
	return s
}

// TestImportCancelled: an import cancelled after some batches leaves
// nothing, and the progress counts rows against the file's total.
func TestImportCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := model.MustOpenStore(t)
	var b strings.Builder
	b.WriteString("标题,发布时间\n")
	const n = 3 * casefile.BatchSize
	for i := range n {
		fmt.Fprintf(&b, "第%d件,2026-03-04 08:12\n", i)
	}
	path := filepath.Join(t.TempDir(), "长.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var seen [][2]int
	_, err := casefile.ImportFileProgress(ctx, s, path, "", model.ImportOptions{}, func(read, total int) {
		seen = append(seen, [2]int{read, total})
		if len(seen) == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled import: %v, want context.Canceled", err)
	}
	if want := [][2]int{{casefile.BatchSize + 1, n}, {2*casefile.BatchSize + 1, n}}; !reflect.DeepEqual(seen, want) {
		t.Errorf("progress %v, want %v (rows read, with the header row, of the data rows)", seen, want)
	}
	if cs, _, _ := s.FindCases(context.Background(), model.CaseFilter{}); len(cs) != 0 {
		t.Errorf("%d cases after a cancelled import, want none", len(cs))
	}
	rep, err := casefile.ImportFile(context.Background(), s, path, "", model.ImportOptions{})
	if err != nil || rep.Store.Count != n {
		t.Errorf("import after the cancelled one: %v, %d cases; want %d", err, rep.Store.Count, n)
	}
}

// TestImportRefusesUnbounded: what cannot be read in bounded memory is
// refused with a message saying what to do.
func TestImportRefusesUnbounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "大.xlsx")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(casefile.MaxXLSXBytes + 1) // sparse
	f.Close()
	quote := filepath.Join(dir, "引号.csv")
	data := "标题,原文内容\n好的,\"没有配对的引号" + strings.Repeat("很长的内容,\n", casefile.MaxRecordBytes/16+10)
	if err := os.WriteFile(quote, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	s := model.MustOpenStore(t)
	for path, want := range map[string]string{
		big:   "超过 .xlsx 导入的上限 100 MB：请在 Excel 中另存为 CSV",
		quote: "第 2 行超过 16 MB，无法导入",
	} {
		_, err := casefile.ImportFile(context.Background(), s, path, "", model.ImportOptions{})
		if err == nil || !strings.Contains(model.ErrorMessage(err), want) {
			t.Errorf("%s: %v, want %q", filepath.Base(path), err, want)
		}
	}
}
