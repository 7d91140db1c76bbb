package export

import (
	"os"
	"strings"
	"testing"

	"bulletin/model"
)

// samplePath is a copy of ../shared/samples/bulletin-sample.json.
const samplePath = "testdata/sample.json"

func TestParseDocument(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"minimal", `{"title":"标题","body":"正文"}`, ""},
		{"full", `{"name":"舆情专报","number":12,"serial":86,"unit":"某县委网信办","date":"2026-11-28","marking":"内部资料","title":"标题","editorNote":"按","body":"正文","distribution":{"bao":"甲","song":"乙","fa":"丙"},"copies":20,"signer":"张三","editor":"李四","cover":true}`, ""},
		{"unknown field", `{"titel":"标题","title":"标题","body":"正文"}`, `未知字段 "titel"`},
		{"unknown nested field", `{"title":"标题","body":"正文","distribution":{"chao":"甲"}}`, `未知字段 "chao"`},
		{"no title", `{"body":"正文"}`, "标题不能为空"},
		{"blank title", `{"title":"  ","body":"正文"}`, "标题不能为空"},
		{"no body", `{"title":"标题"}`, "正文不能为空"},
		{"bad date", `{"title":"标题","body":"正文","date":"2026-13-01"}`, `日期 "2026-13-01" 无效`},
		{"date with slashes", `{"title":"标题","body":"正文","date":"2026/3/9"}`, `日期 "2026/3/9" 无效`},
		{"wrong type", `{"title":"标题","body":"正文","number":"十二"}`, `字段 "number" 的类型错误`},
		{"negative copies", `{"title":"标题","body":"正文","copies":-1}`, "印数不能为负数"},
		{"syntax", `{"title":"标题",}`, "JSON 语法错误"},
		{"truncated", `{"title":"标题"`, "JSON 不完整"},
		{"empty", ``, "文档为空"},
		{"trailing", `{"title":"标题","body":"正文"} {}`, "多余内容"},
		{"bom", "\ufeff" + `{"title":"标题","body":"正文"}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseDocument(strings.NewReader(tt.in))
			switch {
			case tt.err == "" && err != nil:
				t.Errorf("ParseDocument(%s): %v, want no error", tt.in, err)
			case tt.err == "" && doc == nil:
				t.Errorf("ParseDocument(%s): nil document", tt.in)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("ParseDocument(%s): error %v, want one containing %q", tt.in, err, tt.err)
			case tt.err != "" && model.ErrorCode(err) != model.EINVALID:
				t.Errorf("ParseDocument(%s): error code %q, want %q", tt.in, model.ErrorCode(err), model.EINVALID)
			}
		})
	}
}

func TestParseSample(t *testing.T) {
	doc := mustSample(t)
	tests := []struct{ name, got, want string }{
		{"issue", doc.Issue(), "第3期（总第41期）"},
		{"date", doc.ChineseDate(), "2026年3月9日"},
		{"bao", doc.Distribution.Bao, "县委书记、县长，县委副书记，县委常委、宣传部部长"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if !doc.Cover || doc.Copies != 15 {
		t.Errorf("cover %v copies %d, want true 15", doc.Cover, doc.Copies)
	}
	noSerial := Document{Number: 12}
	if got := noSerial.Issue(); got != "第12期" {
		t.Errorf("Issue without serial: got %q, want 第12期", got)
	}
}

func mustSample(tb testing.TB) *Document {
	tb.Helper()
	return mustDoc(tb, samplePath)
}

func mustDoc(tb testing.TB, path string) *Document {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	doc, err := ParseDocument(f)
	if err != nil {
		tb.Fatalf("parse %s: %v", path, err)
	}
	return doc
}

func TestDocumentFromBulletin(t *testing.T) {
	b := &model.Bulletin{Number: 12, Serial: 86, Title: "标题", Body: "正文", Bao: "县委书记", Copies: 20,
		Date: mustSample(t).Time()}
	d := DocumentFromBulletin(b)
	tests := []struct{ name, got, want string }{
		{"date", d.Date, "2026-03-09"},
		{"issue", d.Issue(), "第12期（总第86期）"},
		{"bao", d.Distribution.Bao, "县委书记"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	if err := d.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}
