package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"bulletin/export/layout"
	"bulletin/model"
)

// The kinds of document `bulletin render` reads, in the "kind" field.
const (
	KindBulletin    = "bulletin" // 舆情专报 (the default)
	KindMinutes     = "minutes"  // 会议纪要
	KindAssignment  = "assignment"
	KindReminder    = "reminder"
	KindInstruction = "instruction" // 批示抄清
)

// Printed is a document other than the 专报: a description of its parts
// on the shared blocks of package layout, from which it is typeset.
type Printed interface {
	// Validate checks the fields, with Chinese messages naming them.
	Validate() error
	// Parts describes the document as layout blocks.
	Parts() *layout.Doc
	// Time is the document's date, written as the PDF's dates.
	Time() time.Time
}

// ParsePrinted reads a document of any kind strictly (see ParseDocument):
// a *Document for the 专报, else the Printed of its "kind".
func ParsePrinted(r io.Reader) (any, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read document: %w", err)
	}
	var head struct {
		Kind json.RawMessage `json:"kind"`
	}
	kind := ""
	if json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &head) == nil && head.Kind != nil {
		if json.Unmarshal(head.Kind, &kind) != nil {
			return nil, model.Errorf(model.EINVALID, "字段 \"kind\" 的类型错误：应是文字")
		}
	}
	var p Printed
	switch kind {
	case "", KindBulletin:
		return ParseDocument(bytes.NewReader(data))
	case KindMinutes:
		p = &Minutes{}
	case KindAssignment:
		p = &Assignment{}
	case KindReminder:
		p = &Reminder{}
	case KindInstruction:
		p = &InstructionCopy{}
	case KindPeriodic:
		p = &Periodic{}
	default:
		return nil, model.Errorf(model.EINVALID, "未知的文档类型 %q（应为 bulletin、minutes、assignment、reminder、instruction 或 periodic）", kind)
	}
	if err := decodeStrict(data, p); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

// LayoutPrinted typesets a document into pages without drawing them.
func LayoutPrinted(p Printed, opt Options) ([]layout.Page, *Report, error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	set, err := opt.fontSet()
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "%v", err)
	}
	lo := opt.Options
	lo.Cover = false
	pages, rep, err := layout.LayoutDoc(p.Parts(), metrics{set}, lo)
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "%v", err)
	}
	embolden(pages, set)
	return pages, &Report{Pages: len(pages), Missing: rep.Missing}, nil
}

// RenderPrinted typesets p and writes the PDF to w; the same document and
// options always give the same bytes.
func RenderPrinted(w io.Writer, p Printed, opt Options) (*Report, error) {
	pages, rep, err := LayoutPrinted(p, opt)
	if err != nil {
		return nil, err
	}
	created := p.Time()
	if created.IsZero() {
		created = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if err := draw(w, pages, created); err != nil {
		return nil, err
	}
	return rep, nil
}

// PrintedPDF typesets p with the options of the stored settings kv.
func PrintedPDF(p Printed, kv map[string]string) ([]byte, *Report, error) {
	opt, err := OptionsFromSettings(kv)
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	rep, err := RenderPrinted(&buf, p, opt)
	if err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), rep, nil
}

// renderAny renders what ParsePrinted returned.
func renderAny(w io.Writer, v any, opt Options) (*Report, error) {
	if d, ok := v.(*Document); ok {
		return Render(w, d, opt)
	}
	return RenderPrinted(w, v.(Printed), opt)
}

// RenderFile reads a document JSON of any kind from in, typesets it and
// writes the PDF to out, replacing it only once the whole PDF is made.
// cover forces the 专报's 阅批单.
func RenderFile(in, out string, cover bool) (*Report, error) {
	f, err := os.Open(in)
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "打开文档 %s 失败：%v", in, err)
	}
	defer f.Close()
	doc, err := ParsePrinted(f)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	rep, err := renderAny(&buf, doc, Options{Options: layout.Options{Cover: cover}})
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return nil, model.Errorf(model.EINVALID, "写入 %s 失败：%v", out, err)
	}
	return rep, nil
}

// Dates of the documents.

// parseDate reads a 2026-03-05 date of field name; "" is the zero time.
func parseDate(name, s string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, model.Errorf(model.EINVALID, "%s %q 无效，应为 2026-03-09 这样的格式", name, s)
	}
	return t, nil
}

// chinese writes a date as printed, 2026年3月5日; "" for the zero time.
func chinese(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// chineseDate is chinese of a 2026-03-05 date, or s itself when it is not one.
func chineseDate(s string) string {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return chinese(t)
}

// chineseTime writes 2026-11-28 09:30 as 2026年11月28日 09:30.
func chineseTime(s string) string {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02 15:04", s); err == nil {
		return chinese(t) + t.Format(" 15:04")
	}
	return chineseDate(s)
}

// ink is the colour of a document's red parts: red, or black when the
// office prints them in black.
func ink(black bool) layout.Colour {
	if black {
		return layout.Black
	}
	return layout.Red
}

// cnNumber writes 1–99 in Chinese numerals (一, 十二, 二十三) for headings.
func cnNumber(n int) string {
	const d = "零一二三四五六七八九"
	digit := func(k int) string { return string([]rune(d)[k]) }
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return digit(n)
	case n == 10:
		return "十"
	case n < 20:
		return "十" + digit(n%10)
	case n%10 == 0:
		return digit(n/10) + "十"
	}
	return digit(n/10) + "十" + digit(n%10)
}
