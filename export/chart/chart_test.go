package chart

import (
	"reflect"
	"testing"
)

func TestNiceAxis(t *testing.T) {
	for _, tt := range []struct{ in, max, step int }{
		{0, 5, 1}, {1, 1, 1}, {4, 4, 1}, {7, 8, 2}, {10, 10, 2}, {23, 25, 5}, {51, 60, 20}, {99, 100, 20}, {1234, 1500, 500},
	} {
		if a := NiceAxis(tt.in); a.Max != tt.max || a.Step != tt.step {
			t.Errorf("NiceAxis(%d) = %+v, want %d by %d", tt.in, a, tt.max, tt.step)
		}
	}
}

func TestLayout(t *testing.T) {
	c := Of("每日案件", []Count{{"a", 2}, {"b", 0}, {"c", 5}, {"d", 4}})
	bars, ax := c.Layout(2)
	if ax != (Axis{5, 1}) || len(bars) != 4 {
		t.Fatalf("axis %+v, %d bars", ax, len(bars))
	}
	if bars[2].H != 1 || bars[0].H != 0.4 || bars[1].H != 0 {
		t.Errorf("heights %v %v %v", bars[0].H, bars[1].H, bars[2].H)
	}
	if bars[0].X <= 0 || bars[3].X+bars[3].W >= 1 || bars[1].X <= bars[0].X+bars[0].W {
		t.Errorf("bars overlap or leave the area: %+v", bars)
	}
	var shown []bool
	for _, b := range bars {
		shown = append(shown, b.Show)
	}
	if !reflect.DeepEqual(shown, []bool{true, false, true, false}) {
		t.Errorf("labels shown %v", shown)
	}
}

func TestTopAndTime(t *testing.T) {
	c := Top("来源", []Count{{"微博", 5}, {"", 3}, {"抖音", 2}, {"快手", 1}, {"论坛", 1}}, 3)
	if !reflect.DeepEqual(c.Labels, []string{"微博", "未填写", "其他"}) || !reflect.DeepEqual(c.Values, []int{5, 3, 4}) || c.Note != "“其他”含 3 项" {
		t.Errorf("top: %+v", c)
	}
	c = Top("来源", []Count{{"微博", 5}, {"其他", 4}, {"抖音", 2}, {"快手", 1}}, 3)
	if !reflect.DeepEqual(c.Labels, []string{"微博", "抖音", "其他"}) || !reflect.DeepEqual(c.Values, []int{5, 2, 5}) {
		t.Errorf("top with 其他 in the data: %+v", c)
	}
	if m := Months("", []Count{{"2026-01", 1}, {"2026-11", 2}}); !reflect.DeepEqual(m.Labels, []string{"1月", "11月"}) {
		t.Errorf("months %v", m.Labels)
	}
	if m := Months("", []Count{{"2025-12", 1}, {"2026-01", 2}}); !reflect.DeepEqual(m.Labels, []string{"2025-12", "2026-01"}) {
		t.Errorf("months across years %v", m.Labels)
	}
	if d := Days("", []Count{{"2026-11-23", 1}}); d.Labels[0] != "11-23" {
		t.Errorf("days %v", d.Labels)
	}
}
