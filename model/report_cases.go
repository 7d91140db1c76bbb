package model

import (
	"context"
	"database/sql"
	"math"
	"sort"
	"time"
)

// highlight is a case of 三、重点舆情 while the period is counted: 重点
// first, then by risk, then by 收集时间 and id.
type highlight struct {
	id        int64
	important bool
	risk      int
	collected time.Time
}

func (a highlight) before(b highlight) bool {
	switch {
	case a.important != b.important:
		return a.important
	case a.risk != b.risk:
		return a.risk < b.risk
	case !a.collected.Equal(b.collected):
		return a.collected.Before(b.collected)
	}
	return a.id < b.id
}

// keepTop adds h to the first MaxHighlights of top, kept in order.
func keepTop(top []highlight, h highlight) []highlight {
	if len(top) == MaxHighlights && !h.before(top[len(top)-1]) {
		return top
	}
	i := sort.Search(len(top), func(i int) bool { return h.before(top[i]) })
	if len(top) < MaxHighlights {
		top = append(top, highlight{})
	}
	copy(top[i+1:], top[i:])
	top[i] = h
	return top
}

// riskRank orders the 风险等级 from the highest: 特别重大 0, 重大 1, 较大 2;
// -1 for the others (not a highlight by risk).
func riskRank(r string) int {
	switch r {
	case "特别重大":
		return 0
	case "重大":
		return 1
	case "较大":
		return 2
	}
	return -1
}

// MaxHighlights is how many cases PeriodFigures reads whole for 三、重点舆情.
const MaxHighlights = 20

// caseMark is what the 附表 needs of one case, as it stood at the end.
type caseMark struct {
	assigned, replied, onTime, overdue, closed bool
}

// caseMarks are the marks of the period's cases by id. They are found
// through a table by id when the ids are close together, as they are in a
// store, else in id order.
type caseMarks struct {
	ids   []int64
	marks []caseMark
	first int64   // the least id,
	pos   []int32 // and the place+1 in ids of first+i, 0 for none
}

func (m *caseMarks) add(id int64, k caseMark) {
	m.ids, m.marks = append(m.ids, id), append(m.marks, k)
}

// index prepares find, once all are added.
func (m *caseMarks) index() {
	if len(m.ids) == 0 {
		return
	}
	lo, hi := m.ids[0], m.ids[0]
	for _, id := range m.ids {
		lo, hi = min(lo, id), max(hi, id)
	}
	if uint64(hi-lo) < uint64(4*len(m.ids)+1024) && len(m.ids) < math.MaxInt32 {
		m.first, m.pos = lo, make([]int32, hi-lo+1)
		for i, id := range m.ids {
			m.pos[id-lo] = int32(i + 1)
		}
		return
	}
	sort.Sort(m)
}

func (m *caseMarks) Len() int           { return len(m.ids) }
func (m *caseMarks) Less(i, j int) bool { return m.ids[i] < m.ids[j] }
func (m *caseMarks) Swap(i, j int) {
	m.ids[i], m.ids[j] = m.ids[j], m.ids[i]
	m.marks[i], m.marks[j] = m.marks[j], m.marks[i]
}

// find is the mark of case id; false when it is not a case of the period.
func (m *caseMarks) find(id int64) (caseMark, bool) {
	if m.pos != nil {
		if id < m.first || uint64(id-m.first) >= uint64(len(m.pos)) || m.pos[id-m.first] == 0 {
			return caseMark{}, false
		}
		return m.marks[m.pos[id-m.first]-1], true
	}
	i := sort.Search(len(m.ids), func(i int) bool { return m.ids[i] >= id })
	if i == len(m.ids) || m.ids[i] != id {
		return caseMark{}, false
	}
	return m.marks[i], true
}

// periodTally counts the period's cases one by one.
type periodTally struct {
	f                                *PeriodFigures
	cal                              *Calendar
	end, judged                      time.Time
	source, kind, domain, area, risk map[string]int
	days, months                     []int // by day and month of the period
	firstDay, firstMonth             int   // civil day and month numbers of the period's start
	marks                            caseMarks
}

func newPeriodTally(f *PeriodFigures, cal *Calendar, judged time.Time) *periodTally {
	p := f.Period
	y, m, d := p.From.Date()
	ty, tm, td := p.To.Date()
	t := &periodTally{f: f, cal: cal, end: p.End(), judged: judged,
		source: map[string]int{}, kind: map[string]int{}, domain: map[string]int{}, area: map[string]int{}, risk: map[string]int{},
		firstDay: civilDay(y, m, d), firstMonth: y*12 + int(m) - 1}
	t.days = make([]int, civilDay(ty, tm, td)-t.firstDay+1)
	t.months = make([]int, ty*12+int(tm)-1-t.firstMonth+1)
	return t
}

// civilDay numbers the days of the proleptic Gregorian calendar, one apart
// (days from civil, H. Hinnant).
func civilDay(y int, m time.Month, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (int(m) + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

// add counts c, a case of the period as stored; c is changed to where it
// stood at the period's end.
func (t *periodTally) add(c *Case) {
	f := t.f
	asOf(c, t.end)
	f.Total++
	t.source[c.Source]++
	t.kind[c.Kind]++
	t.domain[c.Domain]++
	t.area[c.Area]++
	t.risk[c.Risk]++
	y, m, d := c.Collected.Date()
	if i := civilDay(y, m, d) - t.firstDay; i >= 0 && i < len(t.days) {
		t.days[i]++
	}
	if i := y*12 + int(m) - 1 - t.firstMonth; i >= 0 && i < len(t.months) {
		t.months[i]++
	}
	rank := riskRank(c.Risk)
	if rank >= 0 {
		f.HighRisk++
	}
	if c.Important || rank >= 0 {
		f.HighlightN++
		if rank < 0 {
			rank = 3
		}
		f.top = keepTop(f.top, highlight{c.ID, c.Important, rank, c.Collected})
	}
	if c.Sentiment == "负面" {
		f.Negative++
	}
	f.Handling.add(c, t.cal, t.judged)
	var k caseMark
	if c.Status != StatusPending {
		k = caseMark{assigned: true, replied: c.Replied(), onTime: c.RepliedOnTime(),
			overdue: c.Overdue(t.judged), closed: c.Status == StatusClosed}
	}
	t.marks.add(c.ID, k)
}

// finish sets the breakdowns of the figures.
func (t *periodTally) finish() {
	f, p := t.f, t.f.Period
	most := func(a, b Count) bool { return a.N > b.N || a.N == b.N && a.Label < b.Label }
	f.BySource, f.ByKind = sortedCounts(t.source, most), sortedCounts(t.kind, most)
	f.ByDomain, f.ByArea = sortedCounts(t.domain, most), sortedCounts(t.area, most)
	for _, r := range RiskLevels {
		f.ByRisk = append(f.ByRisk, Count{r, t.risk[r]})
		delete(t.risk, r)
	}
	f.ByRisk = append(f.ByRisk, sortedCounts(t.risk, most)...)
	i, month := 0, 0
	for d := Day(p.From); !d.After(p.To); d = d.AddDate(0, 0, 1) {
		f.ByDay = append(f.ByDay, Count{d.Format("2006-01-02"), t.days[i]})
		if d.Day() == 1 || d.Equal(Day(p.From)) {
			f.ByMonth = append(f.ByMonth, Count{d.Format("2006-01"), t.months[month]})
			month++
		}
		i++
	}
	t.marks.index()
}

// periodCases counts the period's cases in one pass and returns each
// case's marks for the 附表.
func periodCases(ctx context.Context, tx *sql.Tx, f *PeriodFigures, cal *Calendar, judged time.Time) (*caseMarks, error) {
	t := newPeriodTally(f, cal, judged)
	if err := eachPeriodCase(ctx, tx, f.Period, t.add); err != nil {
		return nil, err
	}
	t.finish()
	return &t.marks, nil
}
