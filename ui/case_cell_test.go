package ui

import (
	"fmt"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

func TestCaseStatusText(t *testing.T) {
	tests := []struct {
		name                 string
		status               model.CaseStatus
		reported, instructed bool
		want, wantList       string
		wantCell             string
	}{
		{"plain", model.StatusAssigned, false, false, "已交办", "已交办", "已交办"},
		{"reported", model.StatusClosed, true, false, "已办结 · 已编报", "已办结·已编报", "已办结 编报"},
		{"instructed", model.StatusAssigned, false, true, "已交办 · 已批示", "已交办·已批示", "已交办 批示"},
		{"both", model.StatusReplied, true, true, "已回复 · 已编报 · 已批示", "已回复·已批示", "已回复 批示"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &model.Case{Status: tt.status, Reported: tt.reported, Instructed: tt.instructed}
			if got := caseStatusText(c, " · "); got != tt.want {
				t.Errorf("caseStatusText(%s, 编报 %v, 批示 %v) = %q, want %q", tt.status, tt.reported, tt.instructed, got, tt.want)
			}
			if got := caseListStatus(c); got != tt.wantList {
				t.Errorf("caseListStatus(%s, 编报 %v, 批示 %v) = %q, want %q", tt.status, tt.reported, tt.instructed, got, tt.wantList)
			}
			if got := caseCellStatus(c); got != tt.wantCell {
				t.Errorf("caseCellStatus(%s, 编报 %v, 批示 %v) = %q, want %q", tt.status, tt.reported, tt.instructed, got, tt.wantCell)
			}
		})
	}
}

// 时限 drops this year's year and says where the case stands against it as
// the calendar counts (weekends alone here; 2026-11-28 is a Saturday): 即将到期,
// 逾期 n 日, 逾期回复 and the 催办 count, shortened to fit the column.
func TestCaseDueText(t *testing.T) {
	now := day(2026, 11, 28, 10)
	cal := model.NewCalendar(nil)
	tests := []struct {
		name    string
		status  model.CaseStatus
		due     time.Time
		replied time.Time
		urged   int
		want    string
	}{
		{"no time limit", model.StatusPending, time.Time{}, time.Time{}, 0, ""},
		{"this year", model.StatusAssigned, day(2026, 12, 5, 0), time.Time{}, 0, "12-05"},
		{"urged twice", model.StatusAssigned, day(2026, 12, 5, 0), time.Time{}, 2, "12-05 催2"},
		{"due today", model.StatusAssigned, day(2026, 11, 28, 0), time.Time{}, 0, "即将到期"},
		{"due next working day", model.StatusAssigned, day(2026, 11, 30, 0), time.Time{}, 0, "即将到期"},
		{"due soon and urged", model.StatusAssigned, day(2026, 11, 30, 0), time.Time{}, 1, "将到期 催1"},
		{"due the day before a weekend", model.StatusAssigned, day(2026, 11, 27, 0), time.Time{}, 0, "11-27 逾期"},
		{"overdue 2 working days", model.StatusAssigned, day(2026, 11, 25, 0), time.Time{}, 0, "逾期2日"},
		{"overdue and urged", model.StatusAssigned, day(2026, 11, 25, 0), time.Time{}, 3, "逾期2日 催3"},
		{"overdue long and urged", model.StatusAssigned, day(2026, 10, 5, 0), time.Time{}, 3, "逾39日 催3"},
		{"replied on time", model.StatusReplied, day(2026, 11, 1, 0), day(2026, 10, 30, 9), 0, "11-01"},
		{"replied late", model.StatusReplied, day(2026, 11, 1, 0), day(2026, 11, 3, 9), 0, "逾期回复"},
		{"next year", model.StatusAssigned, day(2027, 1, 5, 0), time.Time{}, 0, "2027-01-05"},
		{"overdue since last year", model.StatusAssigned, day(2025, 12, 26, 0), time.Time{}, 0, "逾期240日"},
	}
	for _, tt := range tests {
		c := &model.Case{Status: tt.status, Due: tt.due, RepliedAt: tt.replied, Reminders: tt.urged}
		if got := dueText(c, cal, now); got != tt.want {
			t.Errorf("%s: dueText(%s, due %v) on %v = %q, want %q", tt.name, tt.status, tt.due, now, got, tt.want)
		}
	}
}

// Every column is wide enough for its usual texts and for its header with
// the sort arrow, in the embedded font; a longer text is cut with ….
func TestCaseColumnsFitTheirText(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newOfficeTheme())
	texts := map[int][]string{
		0: {"2026-0273"},
		2: {"阳光理政", "本地论坛", "12345"},
		3: {"2026-11-28"},
		4: {"县教育局", "县卫生健…"},
		6: {"11-28 逾期", "2027-01-05", "即将到期", "将到期 催9", "逾期999日", "逾期9日 催9", "逾99日 催9", "逾期回复", "12-05 催9"},
	}
	for _, st := range statusNames() {
		for _, marks := range [][2]bool{{false, false}, {true, false}, {true, true}} {
			c := &model.Case{Status: model.CaseStatus(st), Reported: marks[0], Instructed: marks[1]}
			texts[5] = append(texts[5], caseCellStatus(c))
		}
	}
	for i, col := range caseColumns {
		for _, text := range texts[i] {
			if w := widget.NewLabel(text).MinSize().Width; w > col.width {
				t.Errorf("%s %q needs %.0f px, the column is %.0f", col.title, text, w, col.width)
			}
		}
		header := col.title
		if col.sort != "" {
			header += " ▼"
		}
		b := widget.NewButton(header, nil)
		b.Importance = widget.LowImportance
		if w := b.MinSize().Width; w > col.width {
			t.Errorf("header %q needs %.0f px, the column is %.0f", header, w, col.width)
		}
	}
}

// At 1280×800 the list beside the editor shows all seven columns, 时限 too,
// without scrolling sideways, and the editor keeps room for its form.
func TestCaseColumnsFitTheList(t *testing.T) {
	sh, _ := newTestShell(t, mustOpenStore(t))
	cs := sh.cases
	listW := cs.table.Size().Width
	if len(cs.colWidths) != len(caseColumns) {
		t.Fatalf("column widths %v, want %d", cs.colWidths, len(caseColumns))
	}
	gap := cs.table.Theme().Size(theme.SizeNamePadding)
	sum := gap * float32(len(caseColumns)-1)
	for _, w := range cs.colWidths {
		sum += w
	}
	if sum > listW {
		t.Errorf("columns %v take %.0f px, the list is %.0f px: 时限 is cut off", cs.colWidths, sum, listW)
	}
	if w := cs.colWidths[caseTitleColumn]; w < 120 || sum < listW-1 {
		t.Errorf("标题 is %.0f px and the columns take %.0f of %.0f px; want 标题 ≥ 120 taking the rest", w, sum, listW)
	}
	if w := cs.split.Trailing.Size().Width; w < 480 {
		t.Errorf("the editor is %.0f px wide, want at least 480", w)
	}
}

// 标题 takes the width the other columns leave, at 1280×800 and 1920×1080:
// the list shows every column, and a title of 20 characters whole at
// 1920×1080.
func TestCaseTitleTakesTheRoom(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			sh, w := newTestShell(t, mustOpenStore(t))
			w.Resize(size)
			cs := sh.cases
			listW := cs.table.Size().Width
			gap := cs.table.Theme().Size(theme.SizeNamePadding)
			others := gap * float32(len(caseColumns)-1)
			for i, c := range caseColumns {
				if i != caseTitleColumn {
					others += c.width
				}
			}
			got := cs.colWidths[caseTitleColumn]
			if want := float32(math.Floor(float64(listW - others))); got != want {
				t.Errorf("list %.0f px wide: 标题 %.0f px, want the %.0f the others leave", listW, got, want)
			}
			title := "龙泉镇阳光花园小区停车难，消防通道被长期占用"
			if size.Width >= 1920 {
				if need := widget.NewLabel(title).MinSize().Width; need > got {
					t.Errorf("at %v 标题 is %.0f px, %q needs %.0f", size, got, title, need)
				}
			}
		})
	}
}
