package model

import (
	"bytes"
	"context"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakePDF is a stand-in for typeset bytes.
var fakePDF = []byte("%PDF-1.7\n舆情专报 2026-12\n%%EOF\n")

// mustCreateBulletin stores a draft for year with the given cases.
func mustCreateBulletin(tb testing.TB, s *Store, year int, caseIDs ...int64) *Bulletin {
	tb.Helper()
	b := &Bulletin{Year: year, Name: "舆情专报", Unit: "某县委网信办", Date: date(year, 11, 28),
		Marking: DefaultMarking, Title: "关于近期网民反映问题的专报", Body: "一、基本情况\n……", CaseIDs: caseIDs}
	if err := s.CreateBulletin(context.Background(), b); err != nil {
		tb.Fatalf("CreateBulletin: %v", err)
	}
	return b
}

func TestBulletinNumbering(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	suggest := func(year int) (int, int) {
		t.Helper()
		n, serial, err := s.NextBulletinNumbers(ctx, year)
		if err != nil {
			t.Fatal(err)
		}
		return n, serial
	}
	if n, serial := suggest(2026); n != 1 || serial != 1 {
		t.Errorf("empty store: suggest %d, %d; want 1, 1", n, serial)
	}
	for i := 0; i < 3; i++ {
		n, _ := suggest(2026)
		b := &Bulletin{Year: 2026, Number: n, Serial: 85 + i, Title: "专报"} // 总第85–87期
		if err := s.CreateBulletin(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if n, serial := suggest(2026); n != 4 || serial != 88 {
		t.Errorf("after 3: suggest %d, %d; want 4, 88", n, serial)
	}
	// A new year restarts 期号; 总期号 goes on.
	if n, serial := suggest(2027); n != 1 || serial != 88 {
		t.Errorf("new year: suggest %d, %d; want 1, 88", n, serial)
	}
	b27 := &Bulletin{Year: 2027, Serial: 88, Title: "新年第一期"} // Number 0: assigned
	if err := s.CreateBulletin(ctx, b27); err != nil || b27.Number != 1 {
		t.Fatalf("auto number in 2027: %d, %v; want 1", b27.Number, err)
	}
	// Deleting the latest draft offers its number again.
	if err := s.DeleteBulletin(ctx, b27.ID); err != nil {
		t.Fatal(err)
	}
	if n, serial := suggest(2027); n != 1 || serial != 88 {
		t.Errorf("after deleting 2027-1: suggest %d, %d; want 1, 88", n, serial)
	}
	// Uniqueness, with messages that name the clash.
	for _, tc := range []struct {
		name string
		b    Bulletin
		want string
	}{
		{"same number", Bulletin{Year: 2026, Number: 2, Title: "t"}, "2026年第2期已存在"},
		{"same serial", Bulletin{Year: 2027, Number: 5, Serial: 86, Title: "t"}, "总第86期已被 2026年第2期 使用"},
		{"no title", Bulletin{Year: 2027, Number: 5}, "标题不能为空"},
		{"bad year", Bulletin{Year: 26, Number: 1, Title: "t"}, "年度 26 无效"},
	} {
		b := tc.b
		if err := s.CreateBulletin(ctx, &b); err == nil || !strings.Contains(ErrorMessage(err), tc.want) {
			t.Errorf("%s: CreateBulletin(%+v) = %v, want %q", tc.name, tc.b, err, tc.want)
		}
	}
	bs, _ := s.FindBulletins(ctx, BulletinFilter{})
	var issues []string
	for _, b := range bs {
		issues = append(issues, b.Issue())
	}
	if want := []string{"2026-3", "2026-2", "2026-1"}; !reflect.DeepEqual(issues, want) {
		t.Errorf("bulletins %v, want %v (newest first)", issues, want)
	}
}

func TestBulletinRoundTripAndFreeze(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c1, c2 := mustCreateCase(t, s, Case{Title: "电梯"}), mustCreateCase(t, s, Case{Title: "积水"})
	m := &Meeting{Name: "专题会"}
	if err := s.CreateMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	b := &Bulletin{Year: 2026, Number: 12, Serial: 86, Name: "舆情专报", Unit: "某县委网信办",
		Date: date(2026, 11, 28), Marking: DefaultMarking, Title: "关于……的专报😀", EditorNote: "编者按",
		Body: "一、基本情况\n𠮷䶮", Bao: "县委书记、县长", Song: "县委办", Fa: "各乡镇", Copies: 20,
		Signer: "张三", Editor: "李四", Cover: true, CaseIDs: []int64{c2.ID, c1.ID}, MeetingIDs: []int64{m.ID}}
	if err := s.CreateBulletin(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindBulletinByIssue(ctx, 2026, 12)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, b) {
		t.Errorf("read back:\n got  %+v\n want %+v", got, b)
	}
	if _, err := s.FindBulletinPDF(ctx, b.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("PDF of a draft: %v, want ENOTFOUND", err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, []byte("not a pdf")); ErrorCode(err) != EINVALID {
		t.Errorf("issue with non-PDF bytes: %v, want EINVALID", err)
	}
	issued, err := s.IssueBulletin(ctx, b.ID, fakePDF)
	if err != nil {
		t.Fatal(err)
	}
	if issued.Status != BulletinIssued || !issued.IssuedAt.Equal(testNow) {
		t.Errorf("issued: status %s at %v", issued.Status, issued.IssuedAt)
	}
	if pdf, err := s.FindBulletinPDF(ctx, b.ID); err != nil || !bytes.Equal(pdf, fakePDF) {
		t.Errorf("stored PDF: %q, %v; want the exact bytes", pdf, err)
	}
	// Frozen: no edit, no delete, no second issue; linked cases and meetings stay.
	b.Title = "改标题"
	if err := s.UpdateBulletin(ctx, b); ErrorCode(err) != EINVALID || !strings.Contains(ErrorMessage(err), "请先撤回") {
		t.Errorf("update issued: %v, want EINVALID asking to withdraw", err)
	}
	if err := s.DeleteBulletin(ctx, b.ID); ErrorCode(err) != EINVALID {
		t.Errorf("delete issued: %v, want EINVALID", err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); ErrorCode(err) != ECONFLICT {
		t.Errorf("issue twice: %v, want ECONFLICT", err)
	}
	if err := s.DeleteCase(ctx, c1.ID); ErrorCode(err) != ECONFLICT {
		t.Errorf("delete a case of an issued bulletin: %v, want ECONFLICT", err)
	}
	if err := s.DeleteMeeting(ctx, m.ID); ErrorCode(err) != ECONFLICT {
		t.Errorf("delete a meeting of an issued bulletin: %v, want ECONFLICT", err)
	}
	if got, _ := s.FindBulletinByID(ctx, b.ID); got.Title != "关于……的专报😀" {
		t.Errorf("title changed to %q", got.Title)
	}
	for _, c := range []*Case{c1, c2} {
		got, _ := s.FindCaseByID(ctx, c.ID)
		evs, _ := s.FindCaseEvents(ctx, c.ID)
		last := evs[len(evs)-1]
		if !got.Reported || last.Action != ActionReport || last.Note != "编入《舆情专报》2026年第12期" {
			t.Errorf("case %s after issue: reported %v, last event %+v", c.Number, got.Reported, last)
		}
	}
}

func TestBulletinWithdraw(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	c := mustCreateCase(t, s, Case{Title: "电梯"})
	b := mustCreateBulletin(t, s, 2026, c.ID)
	if _, err := s.WithdrawBulletin(ctx, b.ID, "错字"); ErrorCode(err) != ECONFLICT {
		t.Errorf("withdraw a draft: %v, want ECONFLICT", err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WithdrawBulletin(ctx, b.ID, " "); ErrorMessage(err) != "撤回原因不能为空" {
		t.Errorf("withdraw without reason: %v", err)
	}
	w, err := s.WithdrawBulletin(ctx, b.ID, "标题有错字")
	if err != nil {
		t.Fatal(err)
	}
	if w.Status != BulletinDraft || !w.IssuedAt.IsZero() {
		t.Errorf("withdrawn: status %s issued %v; want draft", w.Status, w.IssuedAt)
	}
	if _, err := s.FindBulletinPDF(ctx, b.ID); ErrorCode(err) != ENOTFOUND {
		t.Errorf("PDF after withdraw: %v, want none current", err)
	}
	evs, _ := s.FindBulletinEvents(ctx, b.ID)
	var actions []string
	for _, ev := range evs {
		actions = append(actions, ev.Action)
	}
	if want := []string{BulletinActionCreate, BulletinActionIssue, BulletinActionWithdraw}; !reflect.DeepEqual(actions, want) {
		t.Errorf("history %v, want %v", actions, want)
	} else if !evs[2].HasPDF || evs[2].Note != "标题有错字" {
		t.Errorf("withdraw event %+v: want reason and the withdrawn PDF kept", evs[2])
	}
	got, _ := s.FindCaseByID(ctx, c.ID)
	cevs, _ := s.FindCaseEvents(ctx, c.ID)
	if got.Reported || cevs[len(cevs)-1].Action != ActionUnreport {
		t.Errorf("case after withdraw: reported %v, last event %+v", got.Reported, cevs[len(cevs)-1])
	}
	// Editable again, and can be issued again.
	w.Title = "更正后的标题"
	if err := s.UpdateBulletin(ctx, w); err != nil {
		t.Fatalf("update after withdraw: %v", err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
		t.Fatalf("reissue: %v", err)
	}
}

func TestInstructionAssignsLinkedCases(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	pending := mustCreateCase(t, s, Case{Title: "待研判案件"})
	assigned := caseInStatus(t, s, StatusAssigned)
	closed := caseInStatus(t, s, StatusClosed)
	b := mustCreateBulletin(t, s, 2026, pending.ID, assigned.ID, closed.ID)
	leader := &Leader{Name: "王书记", Position: "县委书记"}
	if err := s.CreateLeader(ctx, leader); err != nil {
		t.Fatal(err)
	}
	in := &Instruction{BulletinID: b.ID, LeaderID: leader.ID, Leader: leader.Name, Position: leader.Position,
		Date: date(2026, 11, 29), Text: "请住建局、城关镇迅速处置，三日内报结果。", Kind: "督办",
		Departments: []string{"县住建局", "城关镇"}, Due: date(2026, 12, 2), Assign: true}
	if err := createInstruction(s, ctx, in); ErrorCode(err) != ECONFLICT {
		t.Errorf("instruction on a draft: %v, want ECONFLICT", err)
	}
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
		t.Fatal(err)
	}
	if err := createInstruction(s, ctx, in); err != nil {
		t.Fatalf("CreateInstruction: %v", err)
	}
	got, _ := s.FindBulletinByID(ctx, b.ID)
	if got.Status != BulletinInstructed || got.InstructionCount != 1 {
		t.Errorf("bulletin: status %s, %d instructions; want 已批示, 1", got.Status, got.InstructionCount)
	}
	// 待研判 is assigned; 已交办 gets the department it lacks and keeps its
	// 时限; 已办结 is only marked.
	for _, tc := range []struct {
		c          *Case
		wantStatus CaseStatus
		wantDeps   []string
		wantDue    time.Time
		wantNote   string // in the 批示 event when the case is not assigned
	}{
		{pending, StatusAssigned, in.Departments, in.Due, ""},
		{assigned, StatusAssigned, []string{"县住建局", "城关镇"}, date(2026, 12, 5), ""},
		{closed, StatusClosed, []string{"县住建局"}, date(2026, 12, 5), "跳过：已办结，不再交办"},
	} {
		c, _ := s.FindCaseByID(ctx, tc.c.ID)
		evs, _ := s.FindCaseEvents(ctx, tc.c.ID)
		if c.Status != tc.wantStatus || !c.Instructed {
			t.Errorf("case %s: status %s instructed %v; want %s, true", c.Number, c.Status, c.Instructed, tc.wantStatus)
		}
		var instructed *CaseEvent
		for _, ev := range evs {
			if ev.Action == ActionInstruct {
				instructed = ev
			}
		}
		if instructed == nil || !strings.Contains(instructed.Note, "《舆情专报》2026年第1期") ||
			!strings.Contains(instructed.Note, "王书记（县委书记）") {
			t.Errorf("case %s: 批示 event %+v; want it to name the bulletin and the leader", c.Number, instructed)
		}
		if !c.Due.Equal(tc.wantDue) || !reflect.DeepEqual(c.Departments, tc.wantDeps) {
			t.Errorf("case %s (%s): due %v, departments %v; want %v, %v",
				c.Number, tc.c.Status, c.Due, c.Departments, tc.wantDue, tc.wantDeps)
		}
		if tc.wantNote != "" && !strings.Contains(instructed.Note, tc.wantNote) {
			t.Errorf("case %s: note %q should say %q", c.Number, instructed.Note, tc.wantNote)
		} else if tc.wantNote == "" && evs[len(evs)-1].Action != ActionAssign {
			t.Errorf("case %s: last event %s, want 交办", c.Number, evs[len(evs)-1].Action)
		}
	}
	if want := "交办 1 件，增加责任单位 1 件，跳过 1 件（已办结）"; in.Outcome != want {
		t.Errorf("outcome %q, want %q", in.Outcome, want)
	}
	ins, err := s.FindInstructions(ctx, b.ID)
	if err != nil || len(ins) != 1 {
		t.Fatalf("FindInstructions: %d, %v", len(ins), err)
	}
	if want := *in; !reflect.DeepEqual(*ins[0], want) {
		t.Errorf("instruction read back:\n got  %+v\n want %+v", *ins[0], want)
	}
	if _, err := s.WithdrawBulletin(ctx, b.ID, "x"); ErrorCode(err) != ECONFLICT {
		t.Errorf("withdraw with 批示: %v, want ECONFLICT", err)
	}
	// Deleting the only instruction takes the bulletin back to 已印发.
	if err := s.DeleteInstruction(ctx, in.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.FindBulletinByID(ctx, b.ID)
	c, _ := s.FindCaseByID(ctx, pending.ID)
	if got.Status != BulletinIssued || got.InstructionCount != 0 || c.Instructed {
		t.Errorf("after delete: bulletin %s (%d), case instructed %v", got.Status, got.InstructionCount, c.Instructed)
	}
}

// A failure in the middle of recording a 批示 changes nothing: not the
// bulletin, not the cases before the failing one.
func TestInstructionAtomic(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	first := mustCreateCase(t, s, Case{Title: "第一件"})
	second := mustCreateCase(t, s, Case{Title: "第二件"})
	b := mustCreateBulletin(t, s, 2026, first.ID, second.ID)
	if _, err := s.IssueBulletin(ctx, b.ID, fakePDF); err != nil {
		t.Fatal(err)
	}
	// Make the second case's 交办 event fail, after the first case is done.
	if _, err := s.wdb.ExecContext(ctx, `CREATE TRIGGER fail_second BEFORE INSERT ON case_events
		WHEN NEW.case_id = `+itoa(second.ID)+` AND NEW.action = '交办'
		BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`); err != nil {
		t.Fatal(err)
	}
	eventsBefore := map[int64]int{}
	for _, c := range []*Case{first, second} {
		evs, _ := s.FindCaseEvents(ctx, c.ID)
		eventsBefore[c.ID] = len(evs)
	}
	in := &Instruction{BulletinID: b.ID, Leader: "王书记", Date: testNow, Text: "阅处", Kind: "转办",
		Departments: []string{"县住建局"}, Due: date(2026, 12, 10), Assign: true}
	if err := createInstruction(s, ctx, in); err == nil || !strings.Contains(err.Error(), "disk trouble") {
		t.Fatalf("CreateInstruction = %v, want the injected failure", err)
	}
	got, _ := s.FindBulletinByID(ctx, b.ID)
	if got.Status != BulletinIssued || got.InstructionCount != 0 {
		t.Errorf("bulletin after failure: %s with %d instructions; want 已印发, 0", got.Status, got.InstructionCount)
	}
	for _, c := range []*Case{first, second} {
		after, _ := s.FindCaseByID(ctx, c.ID)
		evs, _ := s.FindCaseEvents(ctx, c.ID)
		if after.Status != StatusPending || after.Instructed || len(evs) != eventsBefore[c.ID] {
			t.Errorf("case %s after failure: %s instructed %v, events %d→%d; want unchanged",
				c.Number, after.Status, after.Instructed, eventsBefore[c.ID], len(evs))
		}
	}
}

func TestInstructionValidate(t *testing.T) {
	base := Instruction{Leader: "王书记", Date: date(2026, 11, 29), Text: "阅", Kind: "阅知"}
	for _, tc := range []struct {
		name string
		edit func(*Instruction)
		want string
	}{
		{"ok", func(*Instruction) {}, ""},
		{"no leader", func(in *Instruction) { in.Leader = "" }, "批示领导不能为空"},
		{"no text", func(in *Instruction) { in.Text = "" }, "批示内容不能为空"},
		{"no date", func(in *Instruction) { in.Date = time.Time{} }, "批示日期不能为空"},
		{"bad kind", func(in *Instruction) { in.Kind = "同意" }, "批示类型「同意」无效"},
		{"assign without departments", func(in *Instruction) { in.Assign, in.Due = true, date(2026, 12, 1) }, "请选择责任单位"},
		{"assign without due", func(in *Instruction) { in.Assign, in.Departments = true, []string{"a"} }, "请填写办理时限"},
		{"due before date", func(in *Instruction) { in.Due = date(2026, 11, 28) }, "办理时限早于批示日期"},
	} {
		in := base
		tc.edit(&in)
		err := in.Validate()
		if (tc.want == "" && err != nil) || (tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want))) {
			t.Errorf("%s: Validate(%+v) = %v, want %q", tc.name, in, err, tc.want)
		}
	}
}

func TestParseIssue(t *testing.T) {
	for _, tc := range []struct {
		in           string
		year, number int
		ok           bool
	}{
		{"2026-12", 2026, 12, true}, {" 2027-1 ", 2027, 1, true},
		{"2026", 0, 0, false}, {"2026-0", 0, 0, false}, {"26-3", 0, 0, false}, {"2026-x", 0, 0, false},
	} {
		y, n, err := ParseIssue(tc.in)
		if y != tc.year || n != tc.number || (err == nil) != tc.ok {
			t.Errorf("ParseIssue(%q) = %d, %d, %v; want %d, %d, ok %v", tc.in, y, n, err, tc.year, tc.number, tc.ok)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
