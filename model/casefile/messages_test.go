package casefile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"bulletin/model"
)

// TestDateMessages: a 收集时间 given as a day is not earlier than a 发布时间
// on that day; a 发布时间 after the 收集时间 is named with both values; a
// 收集时间 in the future is warned about (the row is still imported).
func TestDateMessages(t *testing.T) {
	defer func(f func() time.Time) { now = f }(now)
	now = func() time.Time { return time.Date(2026, 11, 28, 9, 30, 0, 0, time.Local) }
	res, err := ReadCSV(strings.NewReader("标题,发布时间,收集时间\n" +
		"同一天,2026-03-04 08:12,2026-03-04\n" + // 2
		"晚一天,2026-03-05 08:12,2026-03-04\n" + // 3
		"晚一分钟,2026-03-04 08:12,2026-03-04 08:11\n" + // 4
		"将来,2026-11-28 08:00,2026-12-25 10:00\n")) // 5
	if err != nil {
		t.Fatal(err)
	}
	r := res.Rows
	if r[0].Case == nil || !r[0].Case.Collected.Equal(r[0].Case.Posted) ||
		!slicesHas(r[0].Notes, "收集时间只有日期，与发布时间同一天，按发布时间 2026-03-04 08:12 记") {
		t.Errorf("row 2: %+v", r[0])
	}
	if r[1].Reason != "发布时间 2026-03-05 08:12 晚于收集时间 2026-03-04" {
		t.Errorf("row 3 reason %q", r[1].Reason)
	}
	if r[2].Reason != "发布时间 2026-03-04 08:12 晚于收集时间 2026-03-04 08:11" {
		t.Errorf("row 4 reason %q", r[2].Reason)
	}
	if r[3].Case == nil || !slicesHas(r[3].Notes, "收集时间 2026-12-25 10:00 晚于现在，请核对") {
		t.Errorf("row 5: %+v", r[3])
	}
}

func slicesHas(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestApostrophesRoundTrip: text of the user's own that starts with an
// apostrophe, with or without a formula character after it, comes back
// from an export as it was, in CSV and in .xlsx.
func TestApostrophesRoundTrip(t *testing.T) {
	titles := []string{"'引号开头", "'=1+1", "''双引号", "'", "=SUM(A1)", "'-5 度", "+86 电话", "@提到", "-减号"}
	var cases []*model.Case
	for _, title := range titles {
		cases = append(cases, &model.Case{Title: title, Summary: title, Poster: title})
	}
	for _, format := range []string{"csv", "xlsx"} {
		var buf bytes.Buffer
		var res *Result
		var err error
		if format == "csv" {
			if err = WriteCSV(&buf, cases); err == nil {
				res, err = ReadCSV(&buf)
			}
		} else if err = WriteXLSX(&buf, cases); err == nil {
			res, err = ReadXLSX(&buf, "")
		}
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		for i, row := range res.Rows {
			if row.Case == nil {
				t.Errorf("%s: %q rejected: %s", format, titles[i], row.Reason)
				continue
			}
			if c := row.Case; c.Title != titles[i] || c.Summary != titles[i] || c.Poster != titles[i] {
				t.Errorf("%s: %q came back as %q / %q / %q", format, titles[i], c.Title, c.Summary, c.Poster)
			}
		}
	}
}

// TestApostropheOfOthersKept: in a file this program did not write, a
// leading apostrophe is the user's own and is kept (only our own export puts
// one before text Excel would take as a formula).
func TestApostropheOfOthersKept(t *testing.T) {
	res, err := ReadCSV(strings.NewReader("标题,备注\n'=1+1 是标题,'+86 电话\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c := res.Rows[0].Case; c == nil || c.Title != "'=1+1 是标题" || c.Remarks != "'+86 电话" {
		t.Errorf("got %+v", res.Rows[0])
	}
}

// TestReaderTotal: the rows of a file are known before reading it, for the
// progress: counted for a CSV, from the sheet's dimension for an .xlsx
// (unknown, 0, when a writer leaves it as "A1").
func TestReaderTotal(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "a.csv")
	os.WriteFile(csvPath, []byte("说明行\n标题\n一\n二\n\"三\n行\"\n"), 0o644)
	f := excelize.NewFile()
	for i, v := range []string{"标题", "一", "二", "三"} {
		f.SetCellValue("Sheet1", fmt.Sprintf("A%d", i+1), v)
	}
	xlsxPath := filepath.Join(dir, "a.xlsx") // as excelize writes it: <dimension ref="A1">
	if err := f.SaveAs(xlsxPath); err != nil {
		t.Fatal(err)
	}
	excelPath := filepath.Join(dir, "excel.xlsx") // as Excel writes it: <dimension ref="A1:A4"/>
	withDimension(t, xlsxPath, excelPath, "A1:A4")
	for path, want := range map[string]int{csvPath: 3, xlsxPath: 0, excelPath: 3} {
		r, err := Open(path, "")
		if err != nil {
			t.Fatal(err)
		}
		if r.Total != want {
			t.Errorf("%s: Total %d, want %d", filepath.Base(path), r.Total, want)
		}
		r.Close()
	}
}

// withDimension copies the workbook in to out with the first sheet's
// dimension set to ref, as Excel writes it.
func withDimension(t *testing.T, in, out, ref string) {
	t.Helper()
	zr, err := zip.OpenReader(in)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = bytes.Replace(data, []byte(`<dimension ref="A1">`), []byte(`<dimension ref="`+ref+`">`), 1)
		}
		w, _ := zw.Create(f.Name)
		w.Write(data)
	}
	zw.Close()
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
