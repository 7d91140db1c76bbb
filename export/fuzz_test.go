package export

import (
	"bytes"
	"testing"
)

// FuzzRender typesets and draws arbitrary text as title, 编者按 and body:
// drawing never panics (fpdf does on some runes) and always gives a PDF.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"一、基本情况\n（一）明确主体责任。按照……",
		"𠮷😀\U0010FFFD\uFFFD\uFFFF\uE000e\u0301\u200d\ufe0f\u3000\t\r",
		"“‘好’”、《〈关于〉》？！……——，。；：",
		"\x00\x01\x7f\u0085\u2028\u2029",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := &Document{Title: "标题" + s, EditorNote: s, Body: "正文" + s, Marking: s, Unit: s,
			Distribution: Distribution{Bao: s}, Signer: s, Number: 1, Date: "2026-03-09", Cover: true}
		var buf bytes.Buffer
		rep, err := Render(&buf, doc, Options{})
		if err != nil {
			t.Fatalf("Render(%q): %v", s, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || rep.Pages < 2 {
			t.Fatalf("Render(%q): %d bytes, %d pages", s, buf.Len(), rep.Pages)
		}
	})
}
