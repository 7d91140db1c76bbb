package export

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"

	"bulletin/export/fonts"
	"bulletin/export/layout"
	"bulletin/model"
)

// LinePitches are the line pitches offered in 设置, in points; 0 stands for
// the default 225/22 mm of LAYOUT.md.
var LinePitches = []float64{0, 28, 28.95, 29, 29.45}

// OptionsFromSettings builds the render options from the stored settings
// (model.Store.FindSettings): line pitch, red, page numbers, 单面/双面印刷 and
// the font of each role. The 阅批单 is a field of each bulletin, so it is not set here.
// The GUI and `bulletin export` both use it, so that they give the same PDF.
// A bad value is an *model.Error naming the setting in Chinese.
func OptionsFromSettings(kv map[string]string) (Options, error) {
	var o Options
	if s := strings.TrimSpace(kv[model.SettingLinePitch]); s != "" {
		p, err := strconv.ParseFloat(s, 64)
		if err != nil || (p != 0 && (p < 27 || p > 30)) {
			return o, model.Errorf(model.EINVALID, "设置中的行距「%s」无效，应为 28、28.95、29 或 29.45 磅", s)
		}
		o.LinePitch = p
	}
	if s := strings.TrimSpace(kv[model.SettingRed]); s != "" {
		c, err := ParseColour(s)
		if err != nil {
			return o, err
		}
		o.Red = c
	}
	o.NoPageNumbers = kv[model.SettingPageNumbers] == "0"
	o.SingleSided = kv[model.SettingDuplex] == "0"
	o.Fonts = FontConfig(kv)
	return o, nil
}

// FontConfig returns the font file chosen for each role in the settings;
// roles left empty use the embedded fonts.
func FontConfig(kv map[string]string) fonts.Config {
	cfg := fonts.Config{}
	for _, r := range fonts.Roles {
		if p := strings.TrimSpace(kv[model.SettingFontPrefix+string(r)]); p != "" {
			cfg[r] = p
		}
	}
	if len(cfg) == 0 {
		return nil
	}
	return cfg
}

// ParseColour reads a colour written #RRGGBB, RRGGBB or "R,G,B" (0–255).
func ParseColour(s string) (layout.Colour, error) {
	s = strings.TrimSpace(s)
	bad := model.Errorf(model.EINVALID, "颜色「%s」无效，应写作 #FF0000 或 255,0,0", s)
	if parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }); len(parts) == 3 {
		var v [3]int
		for i, p := range parts {
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || n > 255 {
				return layout.Colour{}, bad
			}
			v[i] = n
		}
		return layout.Colour{R: v[0], G: v[1], B: v[2]}, nil
	}
	h := strings.TrimPrefix(s, "#")
	if len(h) != 6 {
		return layout.Colour{}, bad
	}
	n, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return layout.Colour{}, bad
	}
	return layout.Colour{R: int(n >> 16), G: int(n >> 8 & 0xFF), B: int(n & 0xFF)}, nil
}

// FormatColour writes c as #RRGGBB, the form stored in the settings.
func FormatColour(c layout.Colour) string {
	return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B)
}

// BulletinPDF typesets a draft bulletin with the options of the stored
// settings kv and returns the PDF bytes. (An issued bulletin is reprinted
// from its stored bytes instead: model.Store.FindBulletinPDF.)
func BulletinPDF(b *model.Bulletin, kv map[string]string) ([]byte, *Report, error) {
	opt, err := OptionsFromSettings(kv)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	rep, err := RenderBulletin(&buf, b, opt)
	if err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), rep, nil
}

// BulletinStore is what PrintBulletin needs from the store (model.Store).
type BulletinStore interface {
	FindBulletinPDF(ctx context.Context, id int64) ([]byte, error)
	FindSettings(ctx context.Context) (map[string]string, error)
}

// PrintBulletin returns the PDF of b as it is printed: for an issued bulletin
// exactly the bytes stored when it was issued, for a draft a fresh typesetting
// with the store's template settings. The GUI's 导出 and `bulletin export` both
// use it, so they give the same bytes.
func PrintBulletin(ctx context.Context, s BulletinStore, b *model.Bulletin) ([]byte, *Report, error) {
	if b.Frozen() {
		pdf, err := s.FindBulletinPDF(ctx, b.ID)
		return pdf, nil, err
	}
	kv, err := s.FindSettings(ctx)
	if err != nil {
		return nil, nil, err
	}
	return BulletinPDF(b, kv)
}

// BulletinFileName is the usual file name of an issue's PDF:
// 舆情专报2026年第12期.pdf (the 刊名 first).
func BulletinFileName(b *model.Bulletin) string {
	name := strings.TrimSpace(b.Name)
	if name == "" {
		name = "舆情专报"
	}
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	return fmt.Sprintf("%s%d年第%d期.pdf", name, b.Year, b.Number)
}
