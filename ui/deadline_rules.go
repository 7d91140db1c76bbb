package ui

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"bulletin/model"
)

// Choices of the rule dialog.
const (
	anyRisk     = "所有风险等级"
	fromNextDay = "次日起算"
	fromSameDay = "当日起算"
)

// rulesSection is the 办理时限规则 tab of 设置: 诉求类型 (and optionally
// 风险等级) → working days, counted from the next day or the same day, and
// the longest extension. 交办 proposes the 时限 from these rules.
type rulesSection struct {
	win   fyne.Window
	store *model.Store
	bg    *tasks

	rules  []*model.DeadlineRule
	list   *widget.List
	addBtn *widget.Button
	sample *widget.Label // what the rules give a case assigned today

	// The dialog shown last and its fields (tests).
	lastDialog       *formDialog
	kind, risk       *widget.Select
	days, extension  *widget.Entry
	from             *widget.RadioGroup
	ruleHelpExamples *widget.Label
}

func newRulesSection(w fyne.Window, s *model.Store, bg *tasks) *rulesSection {
	return &rulesSection{win: w, store: s, bg: bg}
}

func (rs *rulesSection) buildUI() fyne.CanvasObject {
	rs.list = widget.NewList(func() int { return len(rs.rules) }, newRuleRow, func(i widget.ListItemID, o fyne.CanvasObject) {
		if r, ok := at(rs.rules, i); ok {
			setRuleRow(o, r, func() { rs.onEdit(r) }, func() { rs.onDelete(r) })
		}
	})
	rs.addBtn = widget.NewButtonWithIcon("添加规则", theme.ContentAddIcon(), func() {
		rs.onEdit(&model.DeadlineRule{Days: 10, FromNextDay: true, MaxExtension: model.DefaultMaxExtension})
	})
	help := widget.NewLabel("交办案件时，按诉求类型（及风险等级）从这里取办理时限，按节假日表数工作日；" +
		"同一诉求类型下，写明风险等级的规则优先。延期累计不得超过“最长延期”。没有规则的诉求类型，时限需手动填写。")
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	rs.sample = widget.NewLabel("")
	rs.sample.Wrapping = fyne.TextWrapWord
	rs.reload()
	return container.NewBorder(help, container.NewVBox(rs.sample, container.NewHBox(rs.addBtn)), nil, nil, rs.list)
}

// newRuleRow is a list row: who the rule is for, what it gives, 修改 and 删除.
func newRuleRow() fyne.CanvasObject {
	who := widget.NewLabelWithStyle("舆情（特别重大）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	what := widget.NewLabel("")
	what.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), nil)
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), nil)
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	return container.NewBorder(nil, nil, who, container.NewHBox(edit, del), what)
}

func setRuleRow(o fyne.CanvasObject, r *model.DeadlineRule, onEdit, onDelete func()) {
	row := o.(*fyne.Container)
	row.Objects[1].(*widget.Label).SetText(ruleWho(r))
	row.Objects[0].(*widget.Label).SetText(ruleWhat(r))
	buttons := row.Objects[2].(*fyne.Container)
	buttons.Objects[0].(*widget.Button).OnTapped = onEdit
	buttons.Objects[1].(*widget.Button).OnTapped = onDelete
}

// ruleWho is whom a rule is for: 投诉, 舆情（重大）.
func ruleWho(r *model.DeadlineRule) string {
	if r.Risk == "" {
		return r.Kind + "（" + anyRisk + "）"
	}
	return r.Kind + "（" + r.Risk + "）"
}

// ruleWhat is what a rule gives: 15 个工作日，次日起算；最长延期 15 个工作日.
func ruleWhat(r *model.DeadlineRule) string {
	from := fromNextDay
	if !r.FromNextDay {
		from = fromSameDay
	}
	days := fmt.Sprintf("%d 个工作日", r.Days)
	if r.Days == 0 {
		days = "当天"
	}
	return fmt.Sprintf("%s，%s；最长延期 %d 个工作日", days, from, r.MaxExtension)
}

// reload reads the rules in the background.
func (rs *rulesSection) reload() {
	rs.bg.run(func() func() {
		ctx := context.Background()
		rules, err := rs.store.FindDeadlineRules(ctx)
		rules = sortRules(rules)
		sample := ""
		if err == nil {
			sample, err = rs.sampleText(ctx, rules)
		}
		return func() {
			if err != nil {
				showError(rs.win, "读取办理时限规则", err)
				return
			}
			rs.rules = rules
			rs.sample.SetText(sample)
			rs.list.Refresh()
		}
	})
}

// sampleText says what the general rules give a case assigned today, so
// that a change can be checked at once against the calendar.
func (rs *rulesSection) sampleText(ctx context.Context, rules []*model.DeadlineRule) (string, error) {
	today := rs.store.Now()
	var parts []string
	for _, r := range rules {
		if r.Risk != "" {
			continue
		}
		p, err := rs.store.ProposeDue(ctx, r.Kind, "", today)
		if err != nil {
			return "", err
		}
		parts = append(parts, r.Kind+" "+p.Due.Format("01-02"))
	}
	if len(parts) == 0 {
		return "还没有规则：交办时需手动填写办理时限。", nil
	}
	return fmt.Sprintf("今天（%s）交办的案件，时限为：%s。", today.Format(model.DateLayout), strings.Join(parts, "，")), nil
}

// onEdit adds (ID 0) or changes a rule in a dialog.
func (rs *rulesSection) onEdit(r *model.DeadlineRule) {
	rs.kind = widget.NewSelect(model.Kinds, nil)
	rs.kind.PlaceHolder = "请选择"
	rs.kind.SetSelected(r.Kind)
	rs.risk = widget.NewSelect(append([]string{anyRisk}, model.RiskLevels...), nil)
	rs.risk.SetSelected(anyRisk)
	if r.Risk != "" {
		rs.risk.SetSelected(r.Risk)
	}
	rs.days, rs.extension = widget.NewEntry(), widget.NewEntry()
	rs.days.SetText(strconv.Itoa(r.Days))
	rs.extension.SetText(strconv.Itoa(r.MaxExtension))
	rs.from = widget.NewRadioGroup([]string{fromNextDay, fromSameDay}, nil)
	rs.from.Horizontal = true
	rs.from.SetSelected(fromNextDay)
	if !r.FromNextDay {
		rs.from.SetSelected(fromSameDay)
	}
	rs.ruleHelpExamples = widget.NewLabel("次日起算：9 月 24 日交办、5 个工作日，时限为 10 月 9 日。\n当日起算：交办当天（工作日）即为第 1 天。")
	rs.ruleHelpExamples.Importance = widget.LowImportance
	title := "修改办理时限规则"
	if r.ID == 0 {
		title = "添加办理时限规则"
	}
	form := widget.NewForm(
		widget.NewFormItem("诉求类型", rs.kind), widget.NewFormItem("风险等级", rs.risk),
		widget.NewFormItem("办理时限", container.NewHBox(fixedWidth(rs.days, 80), widget.NewLabel("个工作日"))),
		widget.NewFormItem("起算", rs.from),
		widget.NewFormItem("最长延期", container.NewHBox(fixedWidth(rs.extension, 80), widget.NewLabel("个工作日（累计）"))),
	)
	rs.lastDialog = newFormDialog(rs.win, title, "保存", sized(container.NewVBox(form, rs.ruleHelpExamples), 460), func() formResult {
		v, msg := rs.readForm(r)
		if msg != "" {
			showInfo(rs.win, msg)
			return keepOpen
		}
		if err := rs.store.SaveDeadlineRule(context.Background(), v); err != nil {
			showError(rs.win, "保存办理时限规则", err)
			return keepOpen
		}
		return closeThen(rs.reload)
	})
}

// readForm returns the rule the dialog describes, or what to correct.
func (rs *rulesSection) readForm(r *model.DeadlineRule) (*model.DeadlineRule, string) {
	v := *r
	v.Kind = rs.kind.Selected
	v.Risk = ""
	if rs.risk.Selected != anyRisk {
		v.Risk = rs.risk.Selected
	}
	n, err := strconv.Atoi(strings.TrimSpace(toHalfWidth(rs.days.Text)))
	if err != nil {
		return nil, "办理时限应填整数个工作日，如 15。"
	}
	ext, err := strconv.Atoi(strings.TrimSpace(toHalfWidth(rs.extension.Text)))
	if err != nil {
		return nil, "最长延期应填整数个工作日，如 15；不允许延期填 0。"
	}
	v.Days, v.MaxExtension, v.FromNextDay = n, ext, rs.from.Selected != fromSameDay
	return &v, ""
}

// onDelete removes a rule after asking.
func (rs *rulesSection) onDelete(r *model.DeadlineRule) {
	msg := fmt.Sprintf("删除“%s”的规则（%s）？", ruleWho(r), ruleWhat(r))
	if r.Risk == "" {
		msg += fmt.Sprintf("之后交办“%s”类案件时需手动填写时限。", r.Kind)
	}
	rs.lastDialog = confirmDelete(rs.win, "删除办理时限规则", msg, func() error {
		return rs.store.DeleteDeadlineRule(context.Background(), r.ID)
	}, rs.reload)
}

// sortRules orders rules as the 诉求类型 and 风险等级 are offered: a kind's
// general rule first, then its rules by rising risk; kinds not offered last.
func sortRules(rules []*model.DeadlineRule) []*model.DeadlineRule {
	rank := func(list []string, v string) int {
		if i := slices.Index(list, v); i >= 0 {
			return i
		}
		return len(list)
	}
	out := slices.Clone(rules)
	slices.SortStableFunc(out, func(a, b *model.DeadlineRule) int {
		if c := rank(model.Kinds, a.Kind) - rank(model.Kinds, b.Kind); c != 0 {
			return c
		}
		return rank(append([]string{""}, model.RiskLevels...), a.Risk) - rank(append([]string{""}, model.RiskLevels...), b.Risk)
	})
	return out
}
