package model

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Benchmarks run on a generated database of benchCases cases, built once per
// test process. -benchdb keeps the file at a path (for measuring the GUI on
// it); when the file already exists, it is used as it is.
var (
	benchDBFlag = flag.String("benchdb", "", "path of the generated benchmark database (kept)")
	benchN      = flag.Int("benchn", 100000, "number of cases in the benchmark database")
)

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// TestMain removes the generated benchmark database unless -benchdb asked
// to keep it.
func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if benchPath != "" && *benchDBFlag == "" {
		os.RemoveAll(filepath.Dir(benchPath))
	}
	os.Exit(code)
}

// benchDB returns the path of the generated database, building it first.
func benchDB(tb testing.TB) string {
	tb.Helper()
	benchOnce.Do(func() {
		benchPath = *benchDBFlag
		if benchPath == "" {
			dir, err := os.MkdirTemp("", "bulletin-bench-")
			if err != nil {
				benchErr = err
				return
			}
			benchPath = filepath.Join(dir, "bench.db")
		} else if _, err := os.Stat(benchPath); err == nil {
			return
		}
		start := time.Now()
		benchErr = generateCases(benchPath, *benchN)
		fmt.Fprintf(os.Stderr, "generated %d cases in %s: %v\n", *benchN, benchPath, time.Since(start).Round(time.Second))
	})
	if benchErr != nil {
		tb.Fatalf("generate benchmark database: %v", benchErr)
	}
	return benchPath
}

// TestGenerateBenchDB writes the benchmark database when -benchdb is given:
//
//	go test ./model -run TestGenerateBenchDB -benchdb /tmp/bulletin-100k.db
func TestGenerateBenchDB(t *testing.T) {
	if *benchDBFlag == "" {
		t.Skip("no -benchdb path given")
	}
	s := MustOpenStoreAt(t, benchDB(t))
	if _, n, err := s.FindCases(context.Background(), CaseFilter{Limit: 1}); err != nil || n == 0 {
		t.Fatalf("generated database: %d cases, %v", n, err)
	}
}

// Vocabulary of the generated cases: real-looking county affairs.
var (
	genTowns  = []string{"城关镇", "东关镇", "西河乡", "南山镇", "北塬乡", "石桥镇", "柳林乡", "新集镇", "白马镇", "清水乡"}
	genPlaces = []string{"幸福里小区", "锦绣花园", "城南路", "人民广场", "县一中", "县医院", "汽车站", "农贸市场", "工业园区", "滨河公园", "第三小学", "老街"}
	genIssues = []string{"电梯长期停运", "道路积水严重", "夜间施工噪音扰民", "拖欠农民工工资", "学校周边交通拥堵",
		"物业乱收费", "路灯不亮", "垃圾清运不及时", "挂号难看病贵", "自来水水质发黄", "燃气管道漏气", "违章建筑占道",
		"养殖场异味扰民", "公交线路调整不便", "低保评定不公", "网约车扰乱秩序", "商品房延期交房", "校外培训退费难"}
	genAsks  = []string{"希望有关部门尽快处理", "请领导关注", "多次反映没有结果", "恳请政府出面协调", "盼早日解决", "望给个说法"}
	genWords = []string{"居民", "业主", "群众", "家长", "老人", "孩子", "商户", "村民", "司机", "工人"}
)

// genCase returns a generated case; r makes it reproducible.
func genCase(r *rand.Rand) Case {
	pick := func(a []string) string { return a[r.IntN(len(a))] }
	town, place, issue := pick(genTowns), pick(genPlaces), pick(genIssues)
	var b strings.Builder
	for n := 3 + r.IntN(8); n > 0; n-- {
		fmt.Fprintf(&b, "%s%s%s，%s反映已经%d天，%s%s。", town, place, issue, pick(genWords), 1+r.IntN(90), pick(genWords), pick(genAsks))
	}
	collected := time.Date(2026, 1, 1, 8, 0, 0, 0, time.Local).Add(time.Duration(r.IntN(330*24)) * time.Hour)
	c := Case{
		Title: fmt.Sprintf("%s%s%s", town, place, issue), Source: pick(Sources), Poster: pick(genWords) + fmt.Sprint(r.IntN(10000)),
		Collected: collected, Area: town, Domain: pick(Domains), Kind: pick(Kinds), Risk: pick(RiskLevels),
		Content: b.String(), Summary: place + issue, Status: StatusPending,
	}
	if r.IntN(2) == 0 {
		c.Status, c.Departments = StatusAssigned, []string{"县" + pick([]string{"住建局", "城管局", "教育局", "卫健委", "水务局"})}
		c.AssignedAt, c.Due = collected.Add(24*time.Hour), Day(collected.Add(10*24*time.Hour))
	}
	return c
}

// generateCases writes n generated cases to a new database at path, in
// batches, through the store's own bulk writer (indexes included), as an
// import writes them.
func generateCases(path string, n int) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	r := rand.New(rand.NewPCG(2026, 11))
	for done := 0; done < n; {
		tx, err := s.beginWrite(ctx)
		if err != nil {
			return err
		}
		w := newCaseWriter(tx)
		for i := 0; i < 2000 && done < n; i, done = i+1, done+1 {
			c := genCase(r)
			c.CreatedAt, c.UpdatedAt = c.Collected, c.Collected
			if err := w.create(ctx, &c); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := w.flush(ctx); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	_, err = s.wdb.ExecContext(ctx, `PRAGMA optimize; INSERT INTO cases_tri (cases_tri) VALUES ('optimize');
		INSERT INTO cases_bi (cases_bi) VALUES ('optimize')`)
	return err
}

// cpuTime returns the CPU time this process has used. Benchmarks report it
// per operation beside the wall time: on a shared, busy machine the wall time
// includes waiting for a core, the CPU time does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the cpu-ms/op metric for the loop that started at start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkOpenFirstPage opens the store and reads the first page of the
// case list, newest first, as the case screen does on start.
func BenchmarkOpenFirstPage(b *testing.B) {
	path := benchDB(b)
	ctx := context.Background()
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		cs, n, err := s.FindCases(ctx, CaseFilter{Desc: true, Limit: 100, Brief: true})
		if err != nil || len(cs) != 100 || n < *benchN {
			b.Fatalf("first page: %d of %d, %v", len(cs), n, err)
		}
		s.Close()
	}
}

func BenchmarkSearch1Char(b *testing.B)        { benchSearch(b, CaseFilter{Query: "梯"}) }
func BenchmarkSearch2Chars(b *testing.B)       { benchSearch(b, CaseFilter{Query: "电梯"}) }
func BenchmarkSearch2CharsCommon(b *testing.B) { benchSearch(b, CaseFilter{Query: "反映"}) } // in every case
func BenchmarkSearch3Chars(b *testing.B)       { benchSearch(b, CaseFilter{Query: "电梯长"}) }
func BenchmarkSearch4Chars(b *testing.B)       { benchSearch(b, CaseFilter{Query: "长期停运"}) }

// BenchmarkSearch2CharsFiltered adds the filters a user combines with a query.
func BenchmarkSearch2CharsFiltered(b *testing.B) {
	benchSearch(b, CaseFilter{Query: "积水", Status: StatusAssigned, Source: "微博", From: date(2026, 3, 1), To: date(2026, 9, 30)})
}

// BenchmarkListOverdue is the overdue filter over the whole list.
func BenchmarkListOverdue(b *testing.B) { benchSearch(b, CaseFilter{Overdue: true}) }

// benchSearch runs f for the first page (100 rows) and the total count.
func benchSearch(b *testing.B, f CaseFilter) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	f.Limit, f.Desc, f.Brief = 100, true, true
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	var n int
	for i := 0; i < b.N; i++ {
		var err error
		if _, n, err = s.FindCases(ctx, f); err != nil || n == 0 {
			b.Fatalf("FindCases(%+v): %d, %v", f, n, err)
		}
	}
	b.ReportMetric(float64(n), "matches")
}

// BenchmarkSaveCase saves an edit of one case's title and content (which
// re-indexes it), as the editor's 保存 does.
func BenchmarkSaveCase(b *testing.B) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	cs, _, err := s.FindCases(ctx, CaseFilter{Limit: 1, Desc: true})
	if err != nil || len(cs) == 0 {
		b.Fatal(err)
	}
	c := cs[0]
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		title := fmt.Sprintf("%s（第%d次修改）", c.Title, i)
		content := c.Content + fmt.Sprintf("补充情况%d。", i)
		if _, err := s.UpdateCase(ctx, c.ID, CaseUpdate{Title: &title, Content: &content}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreateCase registers a new case (number, timeline, indexes).
func BenchmarkCreateCase(b *testing.B) {
	s := MustOpenStoreAt(b, benchDB(b))
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	defer reportCPU(b, cpuTime())
	for i := 0; i < b.N; i++ {
		c := genCase(r)
		c.Status, c.Departments, c.AssignedAt, c.Due = "", nil, time.Time{}, time.Time{}
		if err := s.CreateCase(ctx, &c); err != nil {
			b.Fatal(err)
		}
	}
}
