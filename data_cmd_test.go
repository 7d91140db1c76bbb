package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bulletin/model/casefile"
)

// TestRunImportBackupRestore runs `bulletin import`, `backup` and `restore`
// in turn on one database, checking what each prints and leaves behind.
func TestRunImportBackupRestore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bulletin.db")
	csv := filepath.Join(dir, "案件.csv")
	os.WriteFile(csv, []byte("标题,责任单位,发布时间\n停水,县自来水公司,2026-03-04 08:12\n,县住建局,\n"), 0o644)
	backup := filepath.Join(dir, "备份.db")
	tests := []struct {
		name    string
		args    []string
		out     []string // substrings of stdout
		errText string   // substring of the error, "" = success
		usage   bool
	}{
		{"unknown department", []string{"import", "-db", db, csv}, []string{"导入 0 行", "第 2 行：责任单位“县自来水公司”不在单位名录中", "第 3 行：标题不能为空"}, "有 2 行因错误未导入", false},
		{"create departments", []string{"import", "-db", db, "-create-departments", csv}, []string{"导入 1 行", "第 2 行 → 2026-0001 停水", "新建的责任单位：县自来水公司"}, "有 1 行因错误未导入", false},
		{"rerun", []string{"import", "-db", db, "-create-departments", csv}, []string{"（其中重复 1 行）", "第 2 行：重复：与已有案件 2026-0001 相同"}, "有 1 行因错误未导入", false},
		{"import without a file", []string{"import", "-db", db}, nil, "", true},
		{"backup", []string{"backup", "-db", db, "-o", backup}, []string{"已备份到 " + backup}, "", false},
		{"backup without -o", []string{"backup", "-db", db}, nil, "", true},
		{"restore", []string{"restore", "-db", db, backup}, []string{"已从 " + backup + " 恢复数据库", "原来的数据库保留为 " + db + ".replaced-"}, "", false},
		{"restore a CSV", []string{"restore", "-db", db, csv}, nil, "案件.csv 不是数据库文件（不是 SQLite 格式）", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			m := &Main{Stdout: &stdout, Stderr: &stderr}
			err := m.Run(context.Background(), tt.args)
			switch {
			case tt.usage:
				if !errors.Is(err, errUsage) {
					t.Errorf("Run(%q) = %v, want a usage error", tt.args, err)
				}
				return
			case tt.errText == "" && err != nil:
				t.Fatalf("Run(%q): %v\n%s", tt.args, err, stdout.String())
			case tt.errText != "" && (err == nil || !strings.Contains(err.Error(), tt.errText)):
				t.Errorf("Run(%q) = %v, want an error with %q", tt.args, err, tt.errText)
			}
			for _, want := range tt.out {
				if !strings.Contains(stdout.String(), want) {
					t.Errorf("Run(%q) printed\n%s\nwant it to contain %q", tt.args, stdout.String(), want)
				}
			}
		})
	}
	if _, err := os.Stat(casefile.ReportPath(csv)); err != nil {
		t.Errorf("no import report beside the file: %v", err)
	}
}
