package export

import (
	"math"
	"sort"
	"strings"
	"testing"
	"unicode"

	"bulletin/export/layout"
)

// valueX is where the value column's text starts in the notices' tables:
// the 版心's left edge, the label column and the cell's padding.
const valueX = layout.Left + labelWidth + 2

// valueLines returns the lines of the value cell that prints text, top to
// bottom: the consecutive lines starting at valueX whose text, put
// together, is text.
func valueLines(tb testing.TB, pages []layout.Page, text string) []layout.Run {
	tb.Helper()
	type at struct {
		page int
		run  layout.Run
	}
	var ls []at
	for i, p := range pages {
		for _, r := range p.Runs {
			if len(r.Glyphs) > 0 && math.Abs(r.Glyphs[0].X-valueX) < 1e-6 {
				ls = append(ls, at{i, r})
			}
		}
	}
	sort.SliceStable(ls, func(a, b int) bool {
		return ls[a].page < ls[b].page || ls[a].page == ls[b].page && ls[a].run.Y < ls[b].run.Y
	})
	for i := range ls {
		var got strings.Builder
		for j := i; j < len(ls) && strings.HasPrefix(text, got.String()); j++ {
			got.WriteString(runText(ls[j].run))
			if got.String() == text {
				var out []layout.Run
				for _, l := range ls[i : j+1] {
					out = append(out, l.run)
				}
				return out
			}
		}
	}
	tb.Fatalf("no cell prints %q", text)
	return nil
}

func runText(r layout.Run) string {
	var b strings.Builder
	for _, g := range r.Glyphs {
		b.WriteRune(g.R)
	}
	return b.String()
}

// wordCount counts the characters of s that are not punctuation.
func wordCount(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// noticeWith is a 交办单 of one case with the given title and address, the
// default 办理要求 (…书面反馈我办。, whose 办。 came down alone).
func noticeWith(title, url string) *Assignment {
	return &Assignment{Kind: KindAssignment, Number: "〔2026〕15号", Date: "2026-12-02", Department: "县水务局",
		Cases: []NoticeCase{{Title: title, Source: "人民网领导留言板", Posted: "2026-11-28 09:30", URL: url, Summary: "网民反映停水。"}},
		Due:   "2026-12-09", Unit: "县委网信办", Contact: "王某0311-1234567"}
}

// TestNoticeCellNoLoneCharacter: a value that wraps never leaves one
// character alone on its last line (a 22-character title fills a line of 21
// and left 民 alone; the 办理要求 left 办。): the line before gives it
// company, and the value reads back whole.
func TestNoticeCellNoLoneCharacter(t *testing.T) {
	const line = "城关镇幸福小区多个楼栋连续停水两天物业无人" // a full line of 21
	docs := []struct {
		name  string
		p     Printed
		texts []string
	}{
		{"交办单 title of 22", noticeWith(line+"回", "https://example.com/1"),
			[]string{line + "回", "请于时限内核实处置，并将办理情况书面反馈我办。"}},
		{"交办单 title of 43", noticeWith(line+line+"回", "https://example.com/1"), []string{line + line + "回"}},
		{"催办单", &Reminder{Kind: KindReminder, Number: "〔2026〕15号", Assigned: "2026-12-02", Date: "2026-12-10", Department: "县水务局",
			Cases: noticeWith(line+"回", "").Cases, Due: "2026-12-09", Overdue: 1, ReplyBy: "2026-12-12"},
			[]string{line + "回"}},
		{"批示抄清", &InstructionCopy{Kind: KindInstruction, Issue: "《舆情专报》2026年第12期", BulletinTitle: "关于城关镇幸福小区多个楼栋连续停水两天的情况",
			Leader: "李某（县委书记）", Date: "2026-12-01", Text: "请水务局迅速核实。", Departments: "县水务局"},
			[]string{"关于城关镇幸福小区多个楼栋连续停水两天的情况"}},
	}
	for _, d := range docs {
		t.Run(d.name, func(t *testing.T) {
			pages, _, err := LayoutPrinted(d.p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, text := range d.texts {
				ls := valueLines(t, pages, text)
				if len(ls) < 2 {
					t.Fatalf("%q on %d line; the test needs it wrapped", text, len(ls))
				}
				var got []string
				for _, l := range ls {
					got = append(got, runText(l))
				}
				if last := got[len(got)-1]; wordCount(last) < 2 {
					t.Errorf("%q ends with a line of one character: %q", text, got)
				}
			}
		})
	}
}

// TestNoticeURLNotSpaced: an address (or a long run of Latin without
// spaces) that wraps in the 原文链接 cell is set at its natural width on
// every line: each glyph starts where the one before ends (a line holding
// only the address was letter-spaced to the cell's edge, 0.47 mm between
// characters); it reads back whole.
func TestNoticeURLNotSpaced(t *testing.T) {
	for _, url := range []string{
		"https://liuyan.people.com.cn/threads/content?tid=12345678&from=weibo_share_2026",
		"https://weibo.com/7654321098/4982735519283746ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
	} {
		pages, _, err := LayoutPrinted(noticeWith("城关镇停水", url), Options{})
		if err != nil {
			t.Fatal(err)
		}
		ls := valueLines(t, pages, url)
		if len(ls) < 2 {
			t.Fatalf("%s on %d line; the test needs it wrapped", url, len(ls))
		}
		for _, l := range ls {
			gs := l.Glyphs
			for i := 1; i < len(gs); i++ {
				if gap := gs[i].X - gs[i-1].X - gs[i-1].W; math.Abs(gap) > 1e-6 {
					t.Errorf("%q: %.3f mm between %q and %q", runText(l), gap, gs[i-1].R, gs[i].R)
					break
				}
			}
		}
	}
}
