package casefile

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"bulletin/model"
)

// fullCases are cases with every exported field set, including text Excel
// would take for a formula and cells longer than an Excel cell holds.
func fullCases() []*model.Case {
	c := &model.Case{
		Number: "2026-0001", Status: model.StatusAssigned,
		Title: "=HYPERLINK(\"x\") 标题", Source: "微博", URL: "https://weibo.example/abc", Poster: "@家长群小周",
		Posted: local(2026, 3, 7, 7, 55), Collected: local(2026, 3, 7, 9, 0).Add(30e9), Area: "城关镇",
		Domain: "交通", Kind: "建议", Risk: "特别重大", Spread: "-1200 转发",
		Content: strings.Repeat("第二实验小学门口😀𠮷\n", 10000), Summary: "'引号开头", Assessment: "研判",
		Proposal: "建议\r\n疏导", Departments: []string{"县公安局交警大队", "县教育局"}, Due: local(2026, 3, 14, 0, 0),
		Handling: "办理中", Reply: "+已回复", Remarks: "备注 ",
		OriginalDue: local(2026, 3, 12, 0, 0), Reminders: 2, ReplyDept: "县教育局",
		Sentiment: "负面", Important: true, VisitResult: "基本满意", VisitedAt: local(2026, 3, 20, 10, 0),
		Engagement: model.Engagement{Views: 56000, Reposts: 0, Comments: 340, Likes: 12, CountedAt: local(2026, 3, 7, 18, 0)},
	}
	return []*model.Case{c, {Title: "只有标题"}}
}

// want is what reading back gives: 编号, 状态 and the handling times are
// imported, 催办次数 is not (the 催办 events count it), and CRLF in long text
// becomes "\n" (model.CleanText).
func wantBack(cs []*model.Case) []*model.Case {
	var out []*model.Case
	for _, c := range cs {
		w := *c
		w.Reminders = 0 // exported for the record, not imported
		w.Proposal = strings.ReplaceAll(w.Proposal, "\r\n", "\n")
		out = append(out, &w)
	}
	return out
}

func TestRoundTrip(t *testing.T) {
	cases := fullCases()
	if n := len([]rune(cases[0].Content)); n < 100000 {
		t.Fatalf("test content is %d characters, want over 100,000", n)
	}
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			var res *Result
			if format == "csv" {
				err = WriteCSV(&buf, cases)
			} else {
				err = WriteXLSX(&buf, cases)
			}
			if err != nil {
				t.Fatalf("write: %v", err)
			}
			if format == "csv" {
				if !bytes.HasPrefix(buf.Bytes(), bomUTF8) || !bytes.Contains(buf.Bytes(), []byte("\r\n")) {
					t.Errorf("csv does not start with a BOM or lacks CRLF: %q", buf.Bytes()[:40])
				}
				res, err = ReadCSV(&buf)
			} else {
				res, err = ReadXLSX(&buf, "")
			}
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			if _, rej := outcome(res); rej != nil || res.Unknown != nil {
				t.Fatalf("rejected %q, unknown columns %q", rej, res.Unknown)
			}
			assertCases(t, res.Cases(), wantBack(cases))
		})
	}
}

func TestWriteCSVEscapesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, fullCases()[:1]); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes()[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, cell := range recs[1] {
		if formulaStart(cell) && !strings.HasPrefix(cell, "'") {
			t.Errorf("column %s = %.30q: Excel would run it as a formula", recs[0][i], cell)
		}
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		in   string
		want []int // rune counts of the pieces
	}{
		{"", nil},
		{"abc", []int{3}},
		{strings.Repeat("a", cellLimit), []int{cellLimit}},
		{strings.Repeat("a", cellLimit+1), []int{cellLimit, 1}},
		{strings.Repeat("a", cellLimit-1) + "𠮷", []int{cellLimit - 1, 1}}, // 𠮷 is two UTF-16 units
	}
	for _, tt := range tests {
		var got []int
		for _, p := range chunks(tt.in) {
			got = append(got, len([]rune(p)))
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("chunks(%d runes) = %v, want %v", len([]rune(tt.in)), got, tt.want)
		}
	}
}

// FuzzReadCSV checks that ReadCSV never panics and that every non-blank row
// below the header is either a case or a rejected row with a reason.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte(sampleCSV))
	f.Add([]byte("标题,发布时间\n\"a\nb\",2026/3/4\n,\n\"x"))
	f.Add([]byte("\ufeff标题;内容\n一;二;三\n"))
	f.Add([]byte("x\n标题,办理时限\n一,46085\n二,2026年2月30日\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ReadCSV(bytes.NewReader(data))
		if err != nil {
			if model.ErrorCode(err) != model.EINVALID {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		last := 0
		for _, r := range res.Rows {
			if (r.Case == nil) == (r.Reason == "") {
				t.Fatalf("row %d: case %v with reason %q", r.Line, r.Case != nil, r.Reason)
			}
			if r.Line <= last {
				t.Fatalf("row numbers not increasing: %d after %d", r.Line, last)
			}
			last = r.Line
			if r.Case != nil && strings.TrimSpace(r.Case.Title) == "" {
				t.Fatalf("row %d imported without a title", r.Line)
			}
		}
	})
}
