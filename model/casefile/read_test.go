package casefile

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"bulletin/model"
)

// sampleCSV is the start of /work/shared/samples/cases-sample.csv.
const sampleCSV = "标题,来源平台,原文链接,网民昵称,发布时间,领域,诉求类型,风险等级,原文内容,责任单位,办理时限\n" +
	"东风小区连续停水两天无通知,人民网领导留言板,http://liuyan.example/1,城关老李,2026-03-04 08:12,城建,投诉,一般,\"东风小区从3月3日早上开始停水，到现在两天了。\",县自来水公司,2026-03-07\n" +
	"建设路片区自来水发黄,抖音,,小城日记,2026-03-06 19:40,城建,舆情,较大,视频显示接出的自来水呈黄色。,县住建局、县卫健局,2026-03-09\n"

// sampleCases are the cases sampleCSV holds.
func sampleCases() []*model.Case {
	return []*model.Case{{
		Title: "东风小区连续停水两天无通知", Source: "人民网领导留言板", URL: "http://liuyan.example/1",
		Poster: "城关老李", Posted: local(2026, 3, 4, 8, 12), Domain: "城建", Kind: "投诉", Risk: "一般",
		Content: "东风小区从3月3日早上开始停水，到现在两天了。", Departments: []string{"县自来水公司"},
		Due: local(2026, 3, 7, 0, 0),
	}, {
		Title: "建设路片区自来水发黄", Source: "抖音", Poster: "小城日记", Posted: local(2026, 3, 6, 19, 40),
		Domain: "城建", Kind: "舆情", Risk: "较大", Content: "视频显示接出的自来水呈黄色。",
		Departments: []string{"县住建局", "县卫健局"}, Due: local(2026, 3, 9, 0, 0),
	}}
}

func local(y, m, d, hh, mm int) time.Time {
	return time.Date(y, time.Month(m), d, hh, mm, 0, 0, time.Local)
}

func gbk(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encode GBK: %v", err)
	}
	return b
}

// utf16le encodes s as UTF-16 little-endian with a byte order mark.
func utf16le(s string) []byte {
	b := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// xlsxOf writes rows (the first is the header) to an .xlsx file's bytes. A
// time.Time cell becomes a real Excel date.
func xlsxOf(tb testing.TB, sheet string, rows [][]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if _, err := f.NewSheet(sheet); err != nil {
			tb.Fatal(err)
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// readBytes writes data to a temp file named name and reads it back.
func readBytes(tb testing.TB, name string, data []byte, sheet string) (*Result, error) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return ReadFile(path, sheet)
}

// outcome summarises a Result: valid lines, and "line: reason" for the rest.
func outcome(res *Result) (valid []int, rejected []string) {
	for _, r := range res.Rows {
		if r.Case != nil {
			valid = append(valid, r.Line)
		} else {
			rejected = append(rejected, fmt.Sprintf("%d: %s", r.Line, r.Reason))
		}
	}
	return valid, rejected
}

func TestReadFile(t *testing.T) {
	long := strings.Repeat("长", 100000) + "😀𠮷"
	long32k := strings.Repeat("长", 32000) + "😀𠮷" // an Excel cell holds at most 32,767
	bad := "标题,发布时间,风险等级,诉求类型,责任单位\n" +
		",2026-03-04,一般,投诉,县住建局\n" + // 2: no title
		"时间坏了,2026-13-04,一般,投诉,\n" + // 3: month 13
		"等级不对,2026-03-04,很高,投诉,\n" + // 4: unknown risk
		"类型不对,,一般,吐槽,\n" + // 5: unknown kind
		",,,,\n" + // 6: blank, skipped
		"多出一列,2026-03-04,一般,投诉,县住建局,多余\n" + // 7: cell without header
		"好的一行,2026/3/4,重大,举报,县住建局\n" // 8: valid
	tests := []struct {
		name, file string
		data       []byte
		sheet      string
		encoding   string
		valid      []int
		rejected   []string
		unknown    []string
		want       []*model.Case // when set, the valid cases exactly
	}{
		{name: "UTF-8", file: "a.csv", data: []byte(sampleCSV), encoding: "UTF-8", valid: []int{2, 3}, want: sampleCases()},
		{name: "UTF-8 BOM CRLF", file: "a.csv", data: append([]byte("\ufeff"), strings.ReplaceAll(sampleCSV, "\n", "\r\n")...), encoding: "UTF-8 BOM", valid: []int{2, 3}, want: sampleCases()},
		{name: "GBK", file: "a.csv", data: gbk(t, sampleCSV), encoding: "GB18030", valid: []int{2, 3}, want: sampleCases()},
		{name: "UTF-16 tab-separated (Excel Unicode text)", file: "a.txt", data: utf16le(strings.ReplaceAll(sampleCSV, ",", "\t")), encoding: "UTF-16", valid: []int{2, 3}, want: sampleCases()},
		{
			name: "reordered, extra and synonym columns", file: "b.csv", encoding: "UTF-8",
			data: []byte(" 办理时限 ,备用字段,责任单位,内容,风险等级,类型,领域,发布时间,昵称,网址,来源,标题（必填）\n" +
				"2026-03-07,x,县自来水公司,东风小区从3月3日早上开始停水，到现在两天了。,一般,投诉,城建,2026-03-04 08:12,城关老李,http://liuyan.example/1,人民网领导留言板,东风小区连续停水两天无通知\n"),
			valid: []int{2}, unknown: []string{"备用字段"}, want: sampleCases()[:1],
		},
		{name: "bad rows", file: "c.csv", data: []byte(bad), encoding: "UTF-8", valid: []int{8}, rejected: []string{
			"2: 标题不能为空",
			"3: 发布时间“2026-13-04”无法识别，应写成 2026-03-04 08:12、2026/3/4 或 2026年3月4日",
			"4: 风险等级“很高”应为一般、较大、重大、特别重大之一",
			"5: 诉求类型“吐槽”应为投诉、求助、咨询、建议、举报、舆情之一",
			"7: 第 6 列有内容但没有列名",
		}},
		{name: "unterminated quote", file: "d.csv", data: []byte("标题,原文内容\n好,内容\n坏,\"没有结束的引号\n后面\n"), encoding: "UTF-8",
			valid: []int{2}, rejected: []string{"3: 该行的引号不配对，无法读取（文件第 3 行）"}},
		{name: "bare quote", file: "d2.csv", data: []byte("标题,原文内容\n他说\"好\",内容\n好,内容\n"), encoding: "UTF-8",
			valid: []int{3}, rejected: []string{"2: 该行的引号不配对，无法读取（文件第 2 行）"}},
		{name: "title row above header", file: "e.csv", data: []byte("案件导入表,,\n标题,发布时间\n一,2026年3月4日\n"), encoding: "UTF-8", valid: []int{3}},
		{name: "100k cell, emoji and 𠮷", file: "f.csv", encoding: "UTF-8",
			data:  []byte("标题,原文内容\n𠮷野家😀排队,\"" + long + "\"\n"),
			valid: []int{2}, want: []*model.Case{{Title: "𠮷野家😀排队", Content: long}}},
		{name: "xlsx first sheet with Excel dates", file: "g.xlsx", encoding: "xlsx",
			data: xlsxOf(t, "Sheet1", [][]any{
				{"标题", "网民昵称", "发布时间", "办理时限", "原文内容"},
				{"𠮷字😀", "甲", local(2026, 3, 4, 8, 12), "2026/3/7", long32k},
				{"", "乙", "2026-03-04", "", ""},
			}),
			valid: []int{2}, rejected: []string{"3: 标题不能为空"},
			want: []*model.Case{{Title: "𠮷字😀", Poster: "甲", Posted: local(2026, 3, 4, 8, 12), Due: local(2026, 3, 7, 0, 0), Content: long32k}},
		},
		{name: "xlsx named sheet", file: "h.xlsx", sheet: "导入", encoding: "xlsx",
			data:  xlsxOf(t, "导入", [][]any{{"标题", "领域"}, {"一", "教育"}}),
			valid: []int{2}, want: []*model.Case{{Title: "一", Domain: "教育"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := readBytes(t, tt.file, tt.data, tt.sheet)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			valid, rejected := outcome(res)
			if res.Encoding != tt.encoding {
				t.Errorf("encoding = %q, want %q", res.Encoding, tt.encoding)
			}
			if !reflect.DeepEqual(valid, tt.valid) {
				t.Errorf("valid lines = %v, want %v", valid, tt.valid)
			}
			if !reflect.DeepEqual(rejected, tt.rejected) {
				t.Errorf("rejected =\n%q\nwant\n%q", rejected, tt.rejected)
			}
			if !reflect.DeepEqual(res.Unknown, tt.unknown) {
				t.Errorf("unknown columns = %q, want %q", res.Unknown, tt.unknown)
			}
			if tt.want != nil {
				assertCases(t, res.Cases(), tt.want)
			}
		})
	}
}

// assertCases compares cases field by field, printing the first difference.
func assertCases(tb testing.TB, got, want []*model.Case) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("got %d cases, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := *got[i], *want[i]
		if len(g.Departments) == 0 && len(w.Departments) == 0 {
			g.Departments, w.Departments = nil, nil
		}
		if !reflect.DeepEqual(g, w) {
			gv, wv := reflect.ValueOf(g), reflect.ValueOf(w)
			for f := 0; f < gv.NumField(); f++ {
				if !reflect.DeepEqual(gv.Field(f).Interface(), wv.Field(f).Interface()) {
					tb.Errorf("case %d field %s:\ngot  %.80q\nwant %.80q", i, gv.Type().Field(f).Name,
						fmt.Sprint(gv.Field(f).Interface()), fmt.Sprint(wv.Field(f).Interface()))
				}
			}
		}
	}
}

func TestReadFileErrors(t *testing.T) {
	tests := []struct {
		name, file string
		data       []byte
		sheet      string
		want       string
	}{
		{"no header", "a.csv", []byte("甲,乙\n1,2\n"), "", "文件中找不到表头：第一行应是列名，其中必须有“标题”"},
		{"old xls", "a.xls", []byte("x"), "", "不支持 .xls 格式：请在 Excel 或 WPS 中“另存为” .xlsx 或 .csv 后再导入"},
		{"missing sheet", "a.xlsx", xlsxOf(t, "Sheet1", [][]any{{"标题"}}), "其他", "文件中没有名为“其他”的工作表，现有的工作表：Sheet1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readBytes(t, tt.file, tt.data, tt.sheet)
			if got := model.ErrorMessage(err); got != tt.want || model.ErrorCode(err) != model.EINVALID {
				t.Errorf("error = %q (%s), want %q", got, model.ErrorCode(err), tt.want)
			}
		})
	}
}

func TestMapHeader(t *testing.T) {
	tests := []struct {
		header  string
		want    string // the column's export name, "" = unknown
		part    int
		unknown string
	}{
		{"标题", "标题", 0, ""},
		{" 标题* ", "标题", 0, ""},
		{"标题（必填）", "标题", 0, ""},
		{"网民昵称/账号", "网民昵称", 0, ""},
		{"URL", "原文链接", 0, ""},
		{"承办单位", "责任单位", 0, ""},
		{"原文内容（续2）", "原文内容", 2, ""},
		{"原文内容(续1)", "原文内容", 1, ""},
		{"原文内容（续0）", "", 0, "原文内容（续0）"},
		{"原文内容（续999）", "", 0, "原文内容（续999）"},
		{"序号", "", 0, "序号"},
		{"", "", 0, ""},
	}
	for _, tt := range tests {
		m, unknown := mapHeader([]string{tt.header})
		got := ""
		if m.col[0] >= 0 {
			got = columns[m.col[0]].header
		}
		wantUnknown := []string(nil)
		if tt.unknown != "" {
			wantUnknown = []string{tt.unknown}
		}
		if got != tt.want || m.part[0] != tt.part || !reflect.DeepEqual(unknown, wantUnknown) {
			t.Errorf("mapHeader(%q) = %q part %d, unknown %q; want %q part %d, unknown %q",
				tt.header, got, m.part[0], unknown, tt.want, tt.part, wantUnknown)
		}
	}
	if _, unknown := mapHeader([]string{"标题", "主题"}); !reflect.DeepEqual(unknown, []string{"主题（重复的列）"}) {
		t.Errorf("a second 标题 column: unknown %q, want it reported as repeated", unknown)
	}
}
