package export

import (
	"bytes"
	"strings"
	"testing"

	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/model"
)

func TestOptionsFromSettings(t *testing.T) {
	tests := []struct {
		name    string
		kv      map[string]string
		want    Options
		wantErr string
	}{
		{name: "defaults", kv: model.SettingDefaults},
		{name: "pitch red no numbers font",
			kv: map[string]string{model.SettingLinePitch: "28.95", model.SettingRed: "#C00000", model.SettingPageNumbers: "0",
				model.SettingFontPrefix + "仿宋": "/x/simfang.ttf"},
			want: Options{Options: layout.Options{LinePitch: 28.95, Red: layout.Colour{R: 0xC0}, NoPageNumbers: true},
				Fonts: fonts.Config{fonts.RoleFangsong: "/x/simfang.ttf"}}},
		{name: "red as numbers", kv: map[string]string{model.SettingRed: "200, 10, 0"},
			want: Options{Options: layout.Options{Red: layout.Colour{R: 200, G: 10}}}},
		{name: "单面印刷", kv: map[string]string{model.SettingDuplex: "0"},
			want: Options{Options: layout.Options{SingleSided: true}}},
		{name: "bad pitch", kv: map[string]string{model.SettingLinePitch: "40"}, wantErr: "行距"},
		{name: "bad red", kv: map[string]string{model.SettingRed: "red"}, wantErr: "颜色"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := OptionsFromSettings(tt.kv)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("OptionsFromSettings(%v) error = %v, want one naming %s", tt.kv, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Options != tt.want.Options || len(got.Fonts) != len(tt.want.Fonts) || got.Fonts[fonts.RoleFangsong] != tt.want.Fonts[fonts.RoleFangsong] {
				t.Errorf("OptionsFromSettings(%v) = %+v, want %+v", tt.kv, got, tt.want)
			}
		})
	}
}

func TestParseColourRoundTrip(t *testing.T) {
	for _, s := range []string{"#FF0000", "#C00000", "#0A0B0C"} {
		c, err := ParseColour(s)
		if err != nil || FormatColour(c) != s {
			t.Errorf("ParseColour(%q) = %v, %v; formats as %q", s, c, err, FormatColour(c))
		}
	}
}

func TestCheckDocumentReportsMissing(t *testing.T) {
	doc := &Document{Title: "测试", Body: "正文\U0010FFFD有一个私用区字符。"}
	pf, err := CheckDocument(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(pf.Fonts) != len(fonts.Roles) || !pf.Fonts[0].Embedded {
		t.Errorf("fonts = %+v, want every role embedded", pf.Fonts)
	}
	if w := pf.Warnings(); !strings.Contains(w, "U+10FFFD") {
		t.Errorf("Warnings() = %q, want the missing U+10FFFD", w)
	}
	clean, err := CheckDocument(&Document{Title: "测试", Body: "正文。"}, Options{})
	if err != nil || clean.Warnings() != "" {
		t.Errorf("plain text: warnings %q, err %v; want none", clean.Warnings(), err)
	}
	var buf bytes.Buffer
	if _, err := Render(&buf, doc, Options{}); err != nil {
		t.Fatal(err)
	}
}
