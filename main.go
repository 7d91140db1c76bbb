// Command bulletin is 舆情专报工作台, the desktop program of a county cyberspace
// office: cases, meeting notes and the 《舆情专报》 bulletin, on one offline PC.
//
// main.go only wires: it parses the command line, opens the store and starts the
// GUI or runs a subcommand.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2/app"

	"bulletin/export"
	"bulletin/model"
	"bulletin/model/casefile"
	"bulletin/ui"
	_ "bulletin/ui/fynelocale" // before Fyne reads the locale: nothing on stderr under C.UTF-8
)

// Set at build time with -ldflags "-X main.version=… -X main.commit=… -X main.buildDate=…".
var (
	version   = "0.1.0-dev"
	commit    = "unknown"
	buildDate = "unknown"
)

// appID is the Fyne application ID, also in FyneApp.toml.
const appID = "cn.gov.county.bulletin"

const usage = `用法 / usage:
  bulletin [-db PATH]                               启动图形界面 (start the GUI)
  bulletin render [-o out.pdf] [-cover] DOC.json    排版文档：专报、纪要、交办单、催办单、批示抄清、通报（"kind"）
  bulletin import [-db PATH] [-create-departments] [-sheet NAME] FILE   导入案件 .csv / .xlsx
  bulletin export [-db PATH] -issue 2026-12 [-o out.pdf]   导出已存期次
  bulletin export [-db PATH] -meeting ID [-o out.pdf]      导出会议纪要
  bulletin export [-db PATH] -case 2026-0042 [-department 单位] [-o out.pdf]   导出交办单（重印编号不变）
  bulletin export [-db PATH] -cases FILE.xlsx|.csv       导出全部案件（含状态和办理时间，可再导入）
  bulletin report [-db PATH] (-week 2026-W48 | -month 2026-11 | -quarter 2026Q4 | -year 2026 | -from DATE -to DATE) [-o out.pdf] [-xlsx out.xlsx]   通报草稿（不保存）或其附表
  bulletin backup [-db PATH] -o FILE                在线备份数据库
  bulletin restore [-db PATH] FILE                  校验并恢复备份（保留原文件）
  bulletin check [-db PATH]                         完整性检查和数据汇总
  bulletin calendar [-db PATH] [-year 2026]         节假日和全年工作日数
  bulletin calendar [-db PATH] -add 2026-09-24 5    从该日起算 5 个工作日的到期日
  bulletin version                                  版本信息
`

// errUsage means the command line was wrong; usage has been printed, exit 2.
var errUsage = errors.New("usage")

// Main runs the program with its standard streams, so that tests can call it.
type Main struct {
	Stdout, Stderr io.Writer
}

func main() {
	attachConsole() // Windows: reach the console the command was typed in
	m := &Main{Stdout: os.Stdout, Stderr: os.Stderr}
	err := m.Run(context.Background(), os.Args[1:])
	switch {
	case err == nil:
	case errors.Is(err, errUsage):
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "错误：", model.ErrorMessage(err))
		os.Exit(1)
	}
}

// Run dispatches on the first argument.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		switch args[0] {
		case "version":
			fmt.Fprintf(m.Stdout, "bulletin %s (commit %s, built %s)\n", version, commit, buildDate)
			return nil
		case "check":
			return m.runCheck(ctx, args[1:])
		case "render":
			return m.runRender(ctx, args[1:])
		case "import":
			return m.runImport(ctx, args[1:])
		case "backup":
			return m.runBackup(ctx, args[1:])
		case "restore":
			return m.runRestore(ctx, args[1:])
		case "export":
			return m.runExportAny(ctx, args[1:])
		case "calendar":
			return m.runCalendar(ctx, args[1:])
		case "report":
			return m.runReport(ctx, args[1:])
		case "help":
			fmt.Fprint(m.Stdout, usage)
			return nil
		default:
			fmt.Fprintf(m.Stderr, "未知的子命令 %q\n\n%s", args[0], usage)
			return errUsage
		}
	}
	return m.runGUI(args)
}

// flags returns a FlagSet for a subcommand that prints usage on error.
func (m *Main) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() { fmt.Fprint(m.Stderr, usage) }
	return fs
}

// parse parses args into fs, turning flag errors into errUsage.
// Flags may come before or after the file names (`render DOC.json -o out.pdf`),
// as users type them; the flag package alone stops at the first file name.
func parse(fs *flag.FlagSet, args []string) error {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return errUsage
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			files = append(files, rest...) // everything after "--" is a file name
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	if err := fs.Parse(append([]string{"--"}, files...)); err != nil {
		return errUsage
	}
	return nil
}

func (m *Main) runGUI(args []string) error {
	fs := m.flags("bulletin")
	dbPath := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "多余的参数：%v\n\n%s", fs.Args(), usage)
		return errUsage
	}
	path, err := resolveDB(*dbPath)
	if err != nil {
		return err
	}
	startHeapProfiler()
	a := app.NewWithID(appID)
	ui.Create(a, path, version)
	a.Run()
	return nil
}

func (m *Main) runCheck(ctx context.Context, args []string) error {
	fs := m.flags("check")
	dbPath := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.Check(ctx)
	if err != nil {
		return err
	}
	fmt.Fprint(m.Stdout, rep.String())
	if !rep.OK() {
		return fmt.Errorf("数据库完整性检查未通过")
	}
	return nil
}

// dbFlag adds the -db flag every subcommand on the database takes.
func dbFlag(fs *flag.FlagSet) *string { return fs.String("db", "", "数据库文件路径") }

// openStore opens the database named by -db, or the default one.
func openStore(flagPath string) (*model.Store, error) {
	path, err := resolveDB(flagPath)
	if err != nil {
		return nil, err
	}
	return model.Open(path)
}

// resolveDB returns the database path: the -db flag, else data/bulletin.db next to
// the executable when a data folder is there (portable use), else the user's config
// directory. The folder is created when missing.
func resolveDB(flagPath string) (string, error) {
	if flagPath != "" {
		return filepath.Abs(flagPath) // the SQLite file: URI needs an absolute path
	}
	dir, err := model.DefaultDataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "bulletin.db"), nil
}

// runRender typesets a bulletin document JSON into a PDF, next to the input
// unless -o is given, and prints the characters no font could print.
func (m *Main) runRender(_ context.Context, args []string) error {
	fs := m.flags("render")
	out := fs.String("o", "", "输出的 PDF 文件（默认与文档同名）")
	cover := fs.Bool("cover", false, "加印阅批单")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(m.Stderr, "render 需要一个文档文件\n\n%s", usage)
		return errUsage
	}
	in := fs.Arg(0)
	if *out == "" {
		*out = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	// One document, then exit: the garbage collector waits until the heap
	// nears 512 MB (a 62-page document peaks at 98 MB resident), which
	// saves a quarter of a render's time (the sample, perf stat -r 40:
	// 29.8 ms instead of 38.9 at the default 100 %; fpdf's fresh compressor
	// per stream is most of what would be collected).
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(512 << 20)
	rep, err := export.RenderFile(in, *out, *cover)
	if err != nil {
		return err
	}
	if s := rep.String(); s != "" {
		fmt.Fprint(m.Stderr, s)
	}
	fmt.Fprintf(m.Stdout, "已生成 %s（%d 页）\n", *out, rep.Pages)
	return nil
}

// runImport imports cases from a .csv or .xlsx file, prints a summary and the
// rows not imported, and writes the report next to the file. Rows rejected
// for an error (not duplicates) make it exit non-zero.
func (m *Main) runImport(ctx context.Context, args []string) error {
	fs := m.flags("import")
	dbPath := dbFlag(fs)
	create := fs.Bool("create-departments", false, "新建名录中没有的责任单位")
	sheet := fs.String("sheet", "", ".xlsx 的工作表名（默认第一个）")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(m.Stderr, "请指定一个要导入的文件\n\n%s", usage)
		return errUsage
	}
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	file := fs.Arg(0)
	rep, err := casefile.ImportFileProgress(ctx, s, file, *sheet, model.ImportOptions{CreateDepartments: *create}, m.importProgress())
	if err != nil {
		return err
	}
	text := rep.Text()
	fmt.Fprint(m.Stdout, strings.ReplaceAll(text, "\r\n", "\n"))
	if err := os.WriteFile(casefile.ReportPath(file), []byte("\ufeff"+text), 0o644); err != nil {
		fmt.Fprintf(m.Stderr, "警告：无法写入导入报告 %s：%v\n", casefile.ReportPath(file), err)
	} else {
		fmt.Fprintf(m.Stdout, "\n报告已写入 %s\n", casefile.ReportPath(file))
	}
	if bad := rep.Failed() - rep.Duplicates(); bad > 0 {
		return model.Errorf(model.EINVALID, "有 %d 行因错误未导入，见上面的列表", bad)
	}
	return nil
}

// runBackup writes a consistent copy of the database; it works while the
// program is running on the same database.
func (m *Main) runBackup(ctx context.Context, args []string) error {
	fs := m.flags("backup")
	dbPath := dbFlag(fs)
	out := fs.String("o", "", "备份文件")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "请用 -o 指定备份文件\n\n%s", usage)
		return errUsage
	}
	path, err := resolveDB(*dbPath)
	if err != nil {
		return err
	}
	if err := model.BackupFile(ctx, path, *out); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已备份到 %s\n", *out)
	return nil
}

// runRestore checks a backup and puts it in place of the database, keeping
// the replaced file beside it.
func (m *Main) runRestore(_ context.Context, args []string) error {
	fs := m.flags("restore")
	dbPath := dbFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(m.Stderr, "请指定一个备份文件\n\n%s", usage)
		return errUsage
	}
	path, err := resolveDB(*dbPath)
	if err != nil {
		return err
	}
	kept, err := model.Restore(path, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "已从 %s 恢复数据库 %s\n", fs.Arg(0), path)
	if kept != "" {
		fmt.Fprintf(m.Stdout, "原来的数据库保留为 %s\n", kept)
	}
	return nil
}

// runExport writes the PDF of a stored issue: for an issued one exactly the
// bytes stored when it was issued, for a draft the same PDF the GUI's 导出
// gives (the template settings of the database).
func (m *Main) runExport(ctx context.Context, args []string) error {
	fs := m.flags("export")
	dbPath := dbFlag(fs)
	issue := fs.String("issue", "", "期次，如 2026-12")
	out := fs.String("o", "", "输出的 PDF 文件（默认 舆情专报2026年第12期.pdf）")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *issue == "" || fs.NArg() > 0 {
		fmt.Fprintf(m.Stderr, "请用 -issue 指定期次，如 -issue 2026-12\n\n%s", usage)
		return errUsage
	}
	year, number, err := model.ParseIssue(*issue)
	if err != nil {
		fmt.Fprintf(m.Stderr, "%s\n\n%s", model.ErrorMessage(err), usage)
		return errUsage
	}
	s, err := openStore(*dbPath)
	if err != nil {
		return err
	}
	defer s.Close()
	b, err := s.FindBulletinByIssue(ctx, year, number)
	if err != nil {
		return err
	}
	pdf, rep, err := export.PrintBulletin(ctx, s, b)
	if err != nil {
		return err
	}
	if *out == "" {
		*out = export.BulletinFileName(b)
	}
	if err := os.WriteFile(*out, pdf, 0o644); err != nil {
		return model.Errorf(model.EINVALID, "写入 %s 失败：%v", *out, err)
	}
	if s := rep.String(); s != "" {
		fmt.Fprint(m.Stderr, s)
	}
	state := "草稿"
	if b.Frozen() {
		state = "已印发，存档原件"
	}
	fmt.Fprintf(m.Stdout, "已导出 %d年第%d期（%s）到 %s\n", b.Year, b.Number, state, *out)
	return nil
}
