package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestChartLabelsWidenAgain: a horizontal chart first laid out narrow (as
// the 通报口径 part's charts are, hidden until their first figures) shows
// its labels whole once it is wide, instead of the one character it was cut
// to.
func TestChartLabelsWidenAgain(t *testing.T) {
	newTestShell(t, mustOpenStore(t))
	c := newBarChart(false)
	c.SetBars([]chartBar{{Label: "民生保障", N: 3}, {Label: "政务服务", N: 2}, {Label: "城建", N: 1}})
	r := test.WidgetRenderer(c).(*chartRenderer)
	c.Resize(fyne.NewSize(40, 120))
	if r.labels[0].Text == "民生保障" {
		t.Fatalf("at 40 wide the label is not cut: %q", r.labels[0].Text)
	}
	c.Resize(fyne.NewSize(600, 120))
	for i, want := range []string{"民生保障", "政务服务", "城建"} {
		if got := r.labels[i].Text; got != want {
			t.Errorf("label %d at 600 wide = %q, want %q", i, got, want)
		}
	}
}
