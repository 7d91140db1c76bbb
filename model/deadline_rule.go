package model

import (
	"fmt"
	"slices"
	"time"
)

// DeadlineRule is one row of the time-limit rules: cases of a 诉求类型 (and,
// when Risk is set, of that 风险等级 only) are due Days working days after
// they are assigned, counted from the next working day or from the day itself,
// and may be extended by at most MaxExtension working days in all.
type DeadlineRule struct {
	ID           int64
	Kind         string // 诉求类型
	Risk         string // 风险等级, or "" for every level
	Days         int
	FromNextDay  bool
	MaxExtension int
}

// Validate checks the rule.
func (r *DeadlineRule) Validate() error {
	if r.Kind == "" {
		return Errorf(EINVALID, "请选择诉求类型")
	}
	if r.Risk != "" && !slices.Contains(RiskLevels, r.Risk) {
		return Errorf(EINVALID, "风险等级“%s”不在可选范围内", r.Risk)
	}
	if r.Days < 0 || r.Days > 365 {
		return Errorf(EINVALID, "办理时限应为 0 到 365 个工作日")
	}
	if r.MaxExtension < 0 || r.MaxExtension > 365 {
		return Errorf(EINVALID, "最长延期应为 0 到 365 个工作日")
	}
	return nil
}

// Describe says the rule in words, for the timeline and the settings:
// 投诉 15 个工作日（次日起算）.
func (r *DeadlineRule) Describe() string {
	who := r.Kind
	if r.Risk != "" {
		who += "（" + r.Risk + "）"
	}
	from := "次日起算"
	if !r.FromNextDay {
		from = "当日起算"
	}
	return fmt.Sprintf("%s %d 个工作日（%s）", who, r.Days, from)
}

// Due returns the due date of a case assigned at assigned under the rule.
func (r *DeadlineRule) Due(cal *Calendar, assigned time.Time) time.Time {
	return cal.AddWorkdays(assigned, r.Days, r.FromNextDay)
}

// RuleFor picks the rule for a case of kind and risk: a rule naming the risk
// wins over the kind's general rule. It returns nil when no rule matches.
func RuleFor(rules []*DeadlineRule, kind, risk string) *DeadlineRule {
	var general *DeadlineRule
	for _, r := range rules {
		if r.Kind != kind {
			continue
		}
		if r.Risk == risk && risk != "" {
			return r
		}
		if r.Risk == "" {
			general = r
		}
	}
	return general
}
