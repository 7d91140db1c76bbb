package casefile

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: "2026-03-04 08:12", want: local(2026, 3, 4, 8, 12)},
		{in: "2026-03-04 08:12:05", want: local(2026, 3, 4, 8, 12).Add(5 * time.Second)},
		{in: "2026-03-04T08:12", want: local(2026, 3, 4, 8, 12)},
		{in: "2026-03-04", want: local(2026, 3, 4, 0, 0)},
		{in: "2026/3/4", want: local(2026, 3, 4, 0, 0)},
		{in: "2026/3/4 8:12", want: local(2026, 3, 4, 8, 12)},
		{in: "2026/03/04 08:12:00", want: local(2026, 3, 4, 8, 12)},
		{in: "2026年3月4日", want: local(2026, 3, 4, 0, 0)},
		{in: "2026年3月4日 8:12", want: local(2026, 3, 4, 8, 12)},
		{in: "2026年3月4日8时12分", want: local(2026, 3, 4, 8, 12)},
		{in: "２０２６年３月４日", want: local(2026, 3, 4, 0, 0)},
		{in: "2026.3.4", want: local(2026, 3, 4, 0, 0)},
		{in: "2026.03.04 8:12", want: local(2026, 3, 4, 8, 12)},
		{in: "20260304", want: local(2026, 3, 4, 0, 0)},
		{in: "46085", want: local(2026, 3, 4, 0, 0)},
		{in: "46085.341666666667", want: local(2026, 3, 4, 8, 12)},
		{in: " 2026-03-04 ", want: local(2026, 3, 4, 0, 0)},
		{in: ""},
		{in: "2026-02-29", bad: true},
		{in: "2026-13-01", bad: true},
		{in: "2026-03-04 24:00", bad: true},
		{in: "26/3/4", bad: true},
		{in: "3/4/2026", bad: true},
		{in: "2026", bad: true},
		{in: "昨天", bad: true},
		{in: "2026-03", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseTime(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}
