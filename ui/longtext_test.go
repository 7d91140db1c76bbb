package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// postText is n characters of a web post, with a line break every para
// characters (none when para is 0).
func postText(n, para int) string {
	src := []rune("网民反映某小区停车难，消防通道被占用，夜间车辆停满道路，救护车无法通行。Some posts quote English words too. 希望有关部门尽快协调解决！")
	var b strings.Builder
	for i := 0; i < n; i++ {
		if para > 0 && i%para == para-1 {
			b.WriteByte('\n')
			continue
		}
		b.WriteRune(src[i%len(src)])
	}
	return b.String()
}

// widestText is the widest text drawn in o, and where it is.
func widestText(o fyne.CanvasObject) (float32, string) {
	var widest float32
	var what string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *canvas.Text:
			if w := v.MinSize().Width; w > widest {
				widest, what = w, string([]rune(v.Text)[:min(20, utf8.RuneCountInString(v.Text))])
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return widest, what
}

// pasteInto pastes s into e as Ctrl+V does.
func pasteInto(_ fyne.Window, e fyne.Shortcutable, s string) {
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(s)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
}

// A paste of any length the store takes is kept whole and drawn in lines no
// wider than the field: never one line wider than the texture limit (a black
// bar), never a wrapped Entry of 100,000 characters (minutes a keystroke).
func TestLongTextPaste(t *testing.T) {
	test.NewTempApp(t)
	for _, tt := range []struct {
		name string
		n    int
		para int
	}{
		{"20,000 in one paragraph", 20000, 0},
		{"100,000 in paragraphs", 100000, 300},
		{"100,000 in one paragraph", 100000, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			lt := newLongText(nil, "原文内容", 8)
			w := test.NewTempWindow(t, lt)
			lt.win = w
			w.Resize(fyne.NewSize(600, 500))
			long := postText(tt.n, tt.para)
			pasteInto(w, lt.entry, long)
			if !lt.long || lt.entry.Text != "" {
				t.Fatalf("%d characters went into the Entry (long form %v)", tt.n, lt.long)
			}
			if lt.text() != long {
				t.Fatalf("text after the paste: %d bytes, want the %d pasted", len(lt.text()), len(long))
			}
			if got := strings.Join(lt.parts, ""); got != long {
				t.Fatal("the parts joined differ from the text")
			}
			if len(lt.lines) < tt.n/60 {
				t.Errorf("%d characters in %d lines: not wrapped", tt.n, len(lt.lines))
			}
			room := lt.view.Size().Width
			for i, l := range lt.lines {
				if w := fyne.MeasureText(l.text, 14, fyne.TextStyle{}).Width; w > room {
					t.Fatalf("line %d is %.0f px wide, the field %.0f: %q", i, w, room, l.text)
				}
			}
			if w, what := widestText(w.Content()); w > room {
				t.Errorf("a text %.0f px wide is drawn in a field %.0f wide: %q…", w, room, what)
			}
			if !strings.Contains(lt.note.Text, fmt.Sprintf("%d 字", tt.n)) {
				t.Errorf("note %q does not say how long the text is", lt.note.Text)
			}
		})
	}
}

// A long paste goes where the cursor is, in place of the selection.
func TestLongTextPasteAtCursor(t *testing.T) {
	test.NewTempApp(t)
	lt := newLongText(nil, "原文内容", 8)
	w := test.NewTempWindow(t, lt)
	lt.win = w
	lt.setText("开头结尾")
	lt.entry.CursorColumn = 2
	long := postText(20000, 0)
	pasteInto(w, lt.entry, long)
	if got := lt.text(); got != "开头"+long+"结尾" {
		t.Errorf("text = %.20q…%.20q (%d bytes), want 开头 + paste + 结尾", got, got[len(got)-20:], len(got))
	}
}

// A tap on a line of a long text edits its paragraph; the rest is kept. An
// edit that makes the text short brings the Entry back.
func TestLongTextEditPart(t *testing.T) {
	test.NewTempApp(t)
	lt := newLongText(nil, "原文内容", 8)
	w := test.NewTempWindow(t, lt)
	lt.win = w
	w.Resize(fyne.NewSize(600, 500))
	long := postText(30000, 500)
	lt.setText(long)
	if !lt.long {
		t.Fatal("30,000 characters are not in the long form")
	}
	line := 0
	for line < len(lt.lines) && lt.lines[line].part != 3 {
		line++
	}
	lt.view.Select(line)
	if lt.edit == nil || lt.editEntry.Text != strings.TrimSuffix(lt.parts[3], "\n") {
		t.Fatalf("tapping line %d did not edit part 3 (%q)", line, lt.parts[3])
	}
	old := lt.parts[3]
	lt.editEntry.SetText("改过的第四段")
	test.Tap(lt.edit.ok)
	if want := strings.Replace(long, old, "改过的第四段\n", 1); lt.text() != want {
		t.Errorf("after editing part 3 the text differs elsewhere (%d bytes, want %d)", len(lt.text()), len(want))
	}

	test.Tap(lt.copyBtn)
	if got := fyne.CurrentApp().Clipboard().Content(); got != lt.text() {
		t.Errorf("复制全文 put %d bytes on the clipboard, want the %d of the text", len(got), len(lt.text()))
	}

	lt.setText(postText(5050, 100))
	if !lt.long {
		t.Fatal("5,050 characters are not in the long form")
	}
	lt.view.Select(0)
	lt.editEntry.SetText("")
	test.Tap(lt.edit.ok)
	if lt.long || lt.entry.Text != lt.text() || utf8.RuneCountInString(lt.text()) != 4950 {
		t.Errorf("after removing a paragraph: long form %v, %d characters", lt.long, utf8.RuneCountInString(lt.text()))
	}
}

func TestIsLongText(t *testing.T) {
	tests := []struct {
		name string
		s    string
		want bool
	}{
		{"empty", "", false},
		{"a post", postText(3000, 200), false},
		{"5,000 in short paragraphs", postText(5000, 100), false},
		{"5,001", postText(5001, 100), true},
		{"one paragraph of 800", postText(800, 0), false},
		{"one paragraph of 801", postText(801, 0), true},
		{"two paragraphs of 600", postText(1200, 600), true},
	}
	for _, tt := range tests {
		if got := isLongText(tt.s); got != tt.want {
			t.Errorf("%s: isLongText = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSplitParts(t *testing.T) {
	s := postText(3000, 0) + "\n\n短段。\n" + postText(700, 0)
	parts := splitParts(s)
	if strings.Join(parts, "") != s {
		t.Fatal("parts joined differ from the text")
	}
	for i, p := range parts {
		n := utf8.RuneCountInString(p)
		if n > chunkRunes || n == 0 {
			t.Errorf("part %d has %d characters, want 1..%d", i, n, chunkRunes)
		}
		if i+1 < len(parts) && n > chunkRunes/2 && !strings.ContainsAny(string([]rune(p)[n-1]), "。！？；!?;…，、,： \n") {
			t.Errorf("part %d is cut inside a sentence: …%q", i, string([]rune(p)[n-5:]))
		}
	}
}

func TestWrapText(t *testing.T) {
	test.NewTempApp(t)
	m := newRuneMeasurer(14)
	room := fyne.MeasureText("网民反映某小区停车难", 14, fyne.TextStyle{}).Width
	lines := wrapText("网民反映某小区停车难消防通道被占用 English words here", room, m)
	for _, l := range lines {
		if w := fyne.MeasureText(l, 14, fyne.TextStyle{}).Width; w > room+0.5 {
			t.Errorf("line %q is %.1f px, room %.1f", l, w, room)
		}
		if strings.HasSuffix(l, "Engl") || strings.HasPrefix(l, "ish") || strings.HasPrefix(l, "ords") {
			t.Errorf("a word is cut: %q in %q", l, lines)
		}
	}
	if got := strings.Join(lines, ""); got != "网民反映某小区停车难消防通道被占用 English words here" {
		t.Errorf("lines %q lose text", lines)
	}
	// A line never starts with a comma or a full stop.
	room = fyne.MeasureText("一二三四五", 14, fyne.TextStyle{}).Width
	if got := wrapText("一二三四五，六七八九十。", room, m); strings.Join(got, "|") != "一二三四|五，六七八|九十。" {
		t.Errorf("wrapText = %q, want 一二三四|五，六七八|九十。", got)
	}
}

// 原文内容 of 100,000 characters pasted into a case is saved whole and shown
// again in lines no wider than the field.
func TestCaseLongContent(t *testing.T) {
	s := mustOpenStore(t)
	sh, w := newTestShell(t, s)
	cs := sh.cases
	test.Tap(cs.ed.newBtn)
	test.Type(cs.ed.title, "长文测试")
	long := strings.Repeat("网民反映情况𠮷䶮😀", 12500) // 100,000 characters
	cs.ed.tabs.SelectIndex(1)
	pasteInto(w, cs.ed.content.entry, long)
	test.Tap(cs.ed.saveBtn)
	cs.wait()
	got, err := s.FindCaseByID(context.Background(), cs.ed.orig.ID)
	if err != nil || got.Content != long {
		t.Fatalf("stored content differs from the paste (%d vs %d bytes, %v)", len(got.Content), len(long), err)
	}
	if !cs.ed.content.long || cs.ed.content.text() != long {
		t.Error("the saved case is not shown again in the long form")
	}
	if cs.ed.dirty() {
		t.Error("the saved case has unsaved edits")
	}
	if wide, what := widestText(w.Content()); wide > 1280 {
		t.Errorf("a text %.0f px wide is drawn: %q…", wide, what)
	}
	// Every long text of the form takes a long paste the same way.
	pasteInto(w, cs.ed.summary.entry, strings.Repeat("摘", 30000))
	if !cs.ed.summary.long || utf8.RuneCountInString(cs.ed.summary.text()) != 30000 {
		t.Errorf("30,000-character paste into 摘要: long form %v, %d characters", cs.ed.summary.long, utf8.RuneCountInString(cs.ed.summary.text()))
	}
}
