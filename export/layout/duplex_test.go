package layout

import (
	"strings"
	"testing"
)

// pageFacts says, for each page, whether it has body text (三号 runs inside
// the 版心), the 报尾 (四号 runs inside it) or nothing at all, and its number.
type pageFacts struct {
	body, tail, blank bool
	number            int
}

func facts(pages []Page) []pageFacts {
	var out []pageFacts
	for _, p := range pages {
		f := pageFacts{number: p.Number, blank: len(p.Runs) == 0 && len(p.Rules) == 0}
		for _, r := range p.Runs {
			switch {
			case r.Y > Bottom:
			case r.Size == SizeSanhao:
				f.body = true
			case r.Size == SizeSihao:
				f.tail = true
			}
		}
		out = append(out, f)
	}
	return out
}

// TestTailDuplex lays out bodies of 1 to 70 lines with the 报尾 and checks
// where it goes. 双面印刷 (the default): on the last page of the body when
// that page is even and has room; else on the next even page, with an
// unnumbered blank page before it when the body fills an even page (the
// 报尾 page is then unnumbered too); the document always ends on an even
// page. 单面印刷: right after the body, on a new page only when there is no
// room.
func TestTailDuplex(t *testing.T) {
	seen := map[string]bool{}
	for n := 1; n <= 70; n++ {
		c := &Content{Title: "标题", Body: strings.Repeat(strings.Repeat("国", 28)+"\n", n-1) + "完。",
			Bao: "县委办公室", Fa: "各乡镇", Copies: 20, Signer: "张三"}
		single, _ := mustLayout(t, c, Options{SingleSided: true})
		duplex, _ := mustLayout(t, c, Options{})
		sf, df := facts(single), facts(duplex)
		last := 0 // 1-based page of the body's end
		for i, f := range sf {
			if f.body {
				last = i + 1
			}
		}
		if !sf[len(sf)-1].tail || (len(sf) != last && len(sf) != last+1) {
			t.Fatalf("%d lines, 单面: pages %+v, want the 报尾 right after the body (page %d or %d)", n, sf, last, last+1)
		}
		room := len(sf) == last
		var want []pageFacts
		for i := 1; i <= last; i++ {
			want = append(want, pageFacts{body: true, number: i})
		}
		switch {
		case last%2 == 0 && room:
			want[last-1].tail = true
			seen["even page with room"] = true
		case last%2 == 1:
			if room {
				seen["odd page with room"] = true
			} else {
				seen["odd page full"] = true
			}
			want = append(want, pageFacts{tail: true, number: last + 1})
		default:
			seen["even page full"] = true
			want = append(want, pageFacts{blank: true}, pageFacts{tail: true})
		}
		if len(df) != len(want) {
			t.Errorf("%d lines (body ends on page %d, room %v), 双面: %d pages %+v, want %+v", n, last, room, len(df), df, want)
			continue
		}
		for i := range want {
			if df[i] != want[i] {
				t.Errorf("%d lines (body ends on page %d, room %v), 双面: page %d is %+v, want %+v", n, last, room, i+1, df[i], want[i])
			}
		}
	}
	for _, k := range []string{"even page with room", "odd page with room", "odd page full", "even page full"} {
		if !seen[k] {
			t.Errorf("no body length gave the case %q", k)
		}
	}
}

// TestCoverBack: in 双面印刷 the 阅批单 gets a blank, unnumbered back page,
// so that the red 报头 starts a new sheet; in 单面印刷 the body follows it.
// A character missing on the 阅批单 stays on page 1, one in the body moves on
// by the pages before it.
func TestCoverBack(t *testing.T) {
	c := &Content{Name: "舆情专报", Title: "标题😀", Body: "正文😀"}
	for _, tt := range []struct {
		name       string
		o          Options
		firstBody  int // index of the first body page
		bodyPageNo int // the page of the body's missing character in the report
	}{
		{"双面印刷", Options{Cover: true}, 2, 3},
		{"单面印刷", Options{Cover: true, SingleSided: true}, 1, 2},
	} {
		pages, rep := mustLayout(t, c, tt.o)
		if !pages[0].Cover || pages[0].Number != 0 {
			t.Errorf("%s: page 1 cover %v number %d, want the unnumbered 阅批单", tt.name, pages[0].Cover, pages[0].Number)
		}
		if tt.firstBody == 2 {
			if p := pages[1]; len(p.Runs) != 0 || len(p.Rules) != 0 || p.Number != 0 {
				t.Errorf("%s: page 2 has %d runs, %d rules, number %d; want the 阅批单's blank back", tt.name, len(p.Runs), len(p.Rules), p.Number)
			}
		}
		if p := pages[tt.firstBody]; p.Number != 1 || p.Cover {
			t.Errorf("%s: page %d numbered %d (cover %v), want the body's page 1", tt.name, tt.firstBody+1, p.Number, p.Cover)
		}
		for _, m := range rep.Missing {
			want := 1
			if m.Part != PartCover {
				want = tt.bodyPageNo
			}
			if m.Page != want {
				t.Errorf("%s: missing %c in %s reported on page %d, want %d", tt.name, m.R, m.Part, m.Page, want)
			}
		}
	}
}
