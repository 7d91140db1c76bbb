package layout

import (
	"strings"
	"testing"
)

// TestLongName: the 刊名 is condensed to no less than 75 %, then set
// smaller (not below minNameSize), then on two lines; it stays inside the
// 版心, and the 期号 line and the red rule come below it.
func TestLongName(t *testing.T) {
	tests := []struct {
		name      string
		lines     int
		wantSize  float64 // pt, 0: any size below 48
		wantScale float64 // 0: any scale from 0.75 to 1
	}{
		{"舆情专报", 1, 48, 1},
		{"网络舆情信息专报", 1, 48, 1},
		{"某某县互联网舆情信息专报（内部）特刊", 1, 0, 0},
		{"中共某某县委网络安全和信息化委员会办公室网络舆情专报", 2, 0, 0},
		{"中共某某市某某区委网络安全和信息化委员会办公室网络舆情信息专报", 2, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, _ := mustLayout(t, &Content{Name: tt.name, Issue: "第1期", Title: "标题", Body: "正文"}, Options{})
			var runs []Run
			issueY := 0.0
			for _, r := range pages[0].Runs {
				if r.Colour == (Colour{R: 255}) && len(r.Glyphs) > 0 {
					runs = append(runs, r)
				}
				if len(r.Glyphs) > 0 && r.Glyphs[0].R == '第' && issueY == 0 {
					issueY = r.Y
				}
			}
			var text strings.Builder
			ys := map[float64]bool{}
			for _, r := range runs {
				ys[r.Y] = true
				if r.ScaleX < 0.75-1e-9 || r.ScaleX > 1 {
					t.Errorf("刊名 %q condensed to %.0f %%, want 75–100 %%", tt.name, r.ScaleX*100)
				}
				if tt.wantScale != 0 && !near(r.ScaleX, tt.wantScale) {
					t.Errorf("刊名 %q scale %.3f, want %.3f", tt.name, r.ScaleX, tt.wantScale)
				}
				if tt.wantSize != 0 && r.Size != tt.wantSize || tt.wantSize == 0 && (r.Size >= 48 || r.Size < minNameSize) {
					t.Errorf("刊名 %q at %.1f pt, want %v (0: from %v to below 48)", tt.name, r.Size, tt.wantSize, minNameSize)
				}
				for _, g := range r.Glyphs {
					text.WriteRune(g.R)
					if g.X < Left-eps || g.X+g.W > Right+eps {
						t.Errorf("刊名 %q: %c at %.2f–%.2f mm, outside the 版心", tt.name, g.R, g.X, g.X+g.W)
					}
				}
				if r.Y >= issueY {
					t.Errorf("刊名 %q: line at %.1f mm not above the 期号 at %.1f mm", tt.name, r.Y, issueY)
				}
			}
			if len(ys) != tt.lines {
				t.Errorf("刊名 %q on %d lines, want %d", tt.name, len(ys), tt.lines)
			}
			if text.String() != tt.name {
				t.Errorf("刊名 reads %q, want %q", text.String(), tt.name)
			}
		})
	}
}
