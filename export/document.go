// Package export turns a bulletin document into the printed 《舆情专报》 PDF.
//
// The work is split in two steps, as LAYOUT.md asks: package layout places every
// glyph, rule and page number on A4 pages using font metrics only, and this package
// draws those pages with go-pdf/fpdf. Render is the entry point.
package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"bulletin/model"
)

// DateLayout is the layout of Document.Date in the JSON.
const DateLayout = "2006-01-02"

// Distribution is the 报/送/发 lists of the 报尾.
type Distribution struct {
	Bao  string `json:"bao"`
	Song string `json:"song"`
	Fa   string `json:"fa"`
}

// Document is one bulletin as typeset, exactly the "Bulletin document JSON" of
// PRODUCT.md. Only Title and Body are required.
type Document struct {
	Kind         string       `json:"kind"` // "" or "bulletin"
	Name         string       `json:"name"`
	Number       int          `json:"number"`
	Serial       int          `json:"serial"`
	Unit         string       `json:"unit"`
	Date         string       `json:"date"`
	Marking      string       `json:"marking"`
	Title        string       `json:"title"`
	EditorNote   string       `json:"editorNote"`
	Body         string       `json:"body"`
	Distribution Distribution `json:"distribution"`
	Copies       int          `json:"copies"`
	Signer       string       `json:"signer"`
	Editor       string       `json:"editor"`
	Cover        bool         `json:"cover"`
}

// ParseDocument reads a bulletin document strictly: an unknown field, a value of
// the wrong type, trailing data or an invalid document is an error in Chinese
// naming the field.
func ParseDocument(r io.Reader) (*Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read document: %w", err)
	}
	var d Document
	if err := decodeStrict(data, &d); err != nil {
		return nil, err
	}
	if d.Kind != "" && d.Kind != KindBulletin {
		return nil, model.Errorf(model.EINVALID, "文档类型 %q 不是专报", d.Kind)
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// decodeStrict decodes one JSON object into v: an unknown field, a value
// of the wrong type or trailing data is an error in Chinese naming it.
func decodeStrict(data []byte, v any) error {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if dec.More() {
		return model.Errorf(model.EINVALID, "文档格式错误：JSON 对象之后还有多余内容")
	}
	return nil
}

// jsonError translates a decoding error into a Chinese message naming the field.
func jsonError(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "json: unknown field "):
		return model.Errorf(model.EINVALID, "未知字段 %s", strings.TrimPrefix(msg, "json: unknown field "))
	case errors.As(err, &syn):
		return model.Errorf(model.EINVALID, "文档格式错误：JSON 语法错误（第 %d 字节附近）", syn.Offset)
	case errors.As(err, &typ):
		return model.Errorf(model.EINVALID, "字段 %q 的类型错误：不能是%s", typ.Field, jsonKind(typ.Value))
	case errors.Is(err, io.EOF):
		return model.Errorf(model.EINVALID, "文档为空")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return model.Errorf(model.EINVALID, "文档格式错误：JSON 不完整")
	}
	return model.Errorf(model.EINVALID, "文档格式错误：%v", err)
}

func jsonKind(v string) string {
	switch v {
	case "string":
		return "文字"
	case "number":
		return "数字"
	case "bool":
		return "真假值"
	case "array":
		return "数组"
	case "object":
		return "对象"
	}
	return v
}

// Validate checks what the typesetter needs: a title, a body, a valid date and
// numbers that are not negative.
func (d *Document) Validate() error {
	switch {
	case strings.TrimSpace(d.Title) == "":
		return model.Errorf(model.EINVALID, "标题不能为空")
	case strings.TrimSpace(d.Body) == "":
		return model.Errorf(model.EINVALID, "正文不能为空")
	case d.Number < 0:
		return model.Errorf(model.EINVALID, "期号不能为负数")
	case d.Serial < 0:
		return model.Errorf(model.EINVALID, "总期号不能为负数")
	case d.Copies < 0:
		return model.Errorf(model.EINVALID, "印数不能为负数")
	}
	if d.Date != "" {
		if _, err := time.Parse(DateLayout, d.Date); err != nil {
			return model.Errorf(model.EINVALID, "日期 %q 无效，应为 2026-03-09 这样的格式", d.Date)
		}
	}
	return nil
}

// Time returns the document date, or the zero time when it is empty.
func (d *Document) Time() time.Time {
	t, err := time.Parse(DateLayout, d.Date)
	if err != nil {
		return time.Time{}
	}
	return t
}

// ChineseDate returns the date as printed, 2026年3月9日, or "" when unset.
func (d *Document) ChineseDate() string {
	t := d.Time()
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// Issue returns the 期号 line: 第12期 or 第12期（总第86期）; "" when Number is 0.
func (d *Document) Issue() string {
	if d.Number <= 0 {
		return ""
	}
	s := fmt.Sprintf("第%d期", d.Number)
	if d.Serial > 0 {
		s += fmt.Sprintf("（总第%d期）", d.Serial)
	}
	return s
}
