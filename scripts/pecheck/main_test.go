package main

import (
	"encoding/binary"
	"image"
	"image/color"
	"testing"
	"unicode/utf16"
)

// utf16le encodes the strings as one NUL-separated UTF-16LE block, as the
// string table of a version resource stores key, padding and value.
func utf16le(parts ...string) []byte {
	var out []byte
	for _, p := range parts {
		for _, u := range append(utf16.Encode([]rune(p)), 0) {
			out = binary.LittleEndian.AppendUint16(out, u)
		}
	}
	return out
}

func TestVersionString(t *testing.T) {
	data := utf16le("StringFileInfo", "040904B0", "FileDescription", "x", "ProductName", "", "舆情专报工作台", "ProductVersion", "0.1.0.1")
	for _, tc := range []struct{ key, want string }{
		{"ProductName", "舆情专报工作台"},
		{"ProductVersion", "0.1.0.1"},
		{"CompanyName", ""},
	} {
		if got := versionString(data, tc.key); got != tc.want {
			t.Errorf("versionString(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
}

func TestSamePicture(t *testing.T) {
	a := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	a.Set(1, 1, color.NRGBA{200, 20, 20, 255})
	b := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	b.Set(1, 1, color.NRGBA{201, 19, 20, 255}) // rounding
	c := image.NewNRGBA(image.Rect(0, 0, 4, 4))
	c.Set(1, 1, color.NRGBA{20, 20, 200, 255}) // another picture
	for _, tc := range []struct {
		name string
		x, y image.Image
		want bool
	}{
		{"same", a, a, true},
		{"rounding", a, b, true},
		{"different pixel", a, c, false},
		{"different size", a, image.NewNRGBA(image.Rect(0, 0, 8, 8)), false},
	} {
		if got := samePicture(tc.x, tc.y); got != tc.want {
			t.Errorf("%s: samePicture = %v, want %v", tc.name, got, tc.want)
		}
	}
}
