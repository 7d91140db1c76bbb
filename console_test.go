package main

import "testing"

func TestWantsConsole(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want bool
	}{
		{"double-click", nil, false},
		{"shortcut with -db", []string{"-db", `D:\数据\bulletin.db`}, false},
		{"subcommand", []string{"version"}, true},
		{"subcommand with flags", []string{"check", "-db", "x.db"}, true},
		{"render", []string{"render", "doc.json", "-o", "out.pdf"}, true},
		{"unknown word", []string{"nosuch"}, true},
		{"help flag", []string{"-h"}, true},
		{"help after -db", []string{"-db", "x.db", "--help"}, true},
	} {
		if got := wantsConsole(tc.args); got != tc.want {
			t.Errorf("%s: wantsConsole(%q) = %v, want %v", tc.name, tc.args, got, tc.want)
		}
	}
}
