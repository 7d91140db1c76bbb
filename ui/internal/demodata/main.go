// Command demodata fills a database with real-looking cases, meeting notes and
// a directory, for screenshots and memory measurements of the GUI:
//
//	go run ./ui/internal/demodata -db /tmp/shots/demo.db -n 300
//
// The data are invented; names of places follow a typical county.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"bulletin/model"
)

var (
	towns  = []string{"城关镇", "南关街道", "北关街道", "石桥镇", "柳河镇", "青山乡", "马庄镇", "龙泉镇", "杏花乡", "东湖街道"}
	places = []string{"幸福小区", "阳光花园", "县第二中学", "人民医院", "滨河路", "建设大街", "农贸市场", "工业园区", "火车站广场", "文化公园"}
	issues = []struct{ domain, kind, title, body string }{
		{"城建", "投诉", "%s%s小区停车难，消防通道被长期占用", "我是%s%s的居民，小区车位严重不足，晚上消防通道停满车辆，一旦发生火灾后果不堪设想。多次向物业反映无果，希望有关部门尽快协调解决。"},
		{"交通", "建议", "建议在%s%s路口增设红绿灯", "%s%s路口车流量大，上下学高峰期学生过马路非常危险，上周还发生了一起剐蹭事故。建议交警部门尽快增设信号灯和斑马线。"},
		{"教育", "咨询", "%s%s附近学校划片招生政策咨询", "孩子今年上一年级，户口在%s，房子在%s，请问按照今年的划片政策应该到哪所学校报名？需要准备哪些材料？"},
		{"医疗", "投诉", "%s%s看病排队时间过长", "昨天带老人到%s%s看病，挂号、缴费、取药每一步都要排长队，前后花了四个多小时，希望医院增加窗口、优化流程。"},
		{"环保", "举报", "%s%s附近工厂夜间排放刺鼻气体", "最近一个月，%s%s附近的工厂每天夜里十点以后排放刺鼻气体，周边居民无法开窗睡觉，请环保部门尽快查处。"},
		{"三农", "求助", "%s%s农田灌溉渠堵塞影响春播", "%s%s一带的灌溉渠被垃圾和淤泥堵塞，眼看就要春播，水引不过来，村民很着急，请求乡里帮忙清淤。"},
		{"民生保障", "求助", "%s%s低保申请迟迟没有结果", "我家住在%s%s，家里老人常年患病，三个月前递交了低保申请，至今没有答复，想问问办理进度。"},
		{"政务服务", "投诉", "%s%s便民服务中心办事来回跑", "在%s%s便民服务中心办理不动产登记，工作人员一次没有说清楚需要的材料，前后跑了三趟还没办完。"},
		{"城建", "舆情", "网传%s%s楼盘延期交房引发业主聚集", "有网友在短视频平台发布视频称，%s%s楼盘原定去年底交房，至今未能交付，部分业主在售楼处聚集维权，视频播放量较高。"},
		{"民生保障", "投诉", "%s%s供暖温度不达标", "%s%s入冬以来室内温度只有十四五度，家里有老人和孩子，多次打热力公司电话都说在排查，希望尽快解决。"},
	}
	posters = []string{"城关老李", "热心市民王女士", "qingshan_2026", "柳河人在外地", "一位家长", "匿名网友", "东湖居民张先生", "小马哥看世界", "南关街坊", "杏花村村民"}
	depts   = []model.Department{
		{Name: "县住房和城乡建设局", Contact: "刘建国", Phone: "0315-5123401"},
		{Name: "县交通运输局", Contact: "王海燕", Phone: "0315-5123402"},
		{Name: "县教育局", Contact: "赵明", Phone: "0315-5123403"},
		{Name: "县卫生健康局", Contact: "孙丽", Phone: "0315-5123404"},
		{Name: "市生态环境局本县分局", Contact: "钱志强", Phone: "0315-5123405"},
		{Name: "县农业农村局", Contact: "周玉梅", Phone: "0315-5123406"},
		{Name: "县民政局", Contact: "吴涛", Phone: "0315-5123407"},
		{Name: "县行政审批局", Contact: "郑晓东", Phone: "0315-5123408"},
		{Name: "县公安局交警大队", Contact: "陈刚", Phone: "0315-5123409"},
		{Name: "城关镇人民政府", Contact: "冯雪", Phone: "0315-5123410"},
	}
	leaders = []model.Leader{
		{Name: "张振华", Position: "县委书记", Order: 1},
		{Name: "李文斌", Position: "县委副书记、县长", Order: 2},
		{Name: "王淑芬", Position: "县委常委、宣传部部长", Order: 3},
		{Name: "赵德明", Position: "副县长", Order: 4},
	}
)

func main() {
	dbPath := flag.String("db", "demo.db", "数据库文件")
	n := flag.Int("n", 300, "案件数")
	flag.Parse()
	if err := run(*dbPath, *n); err != nil {
		fmt.Fprintln(os.Stderr, "demodata:", model.ErrorMessage(err))
		os.Exit(1)
	}
}

func run(path string, n int) error {
	s, err := model.Open(path)
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	for i := range depts {
		if err := s.CreateDepartment(ctx, &depts[i]); err != nil {
			return err
		}
	}
	for i := range leaders {
		if err := s.CreateLeader(ctx, &leaders[i]); err != nil {
			return err
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	now := time.Now()
	var firstIDs []int64
	for i := range n {
		c := demoCase(r, now, i, n)
		s.SetNow(func() time.Time { return c.Collected.Add(10 * time.Minute) })
		if err := s.CreateCase(ctx, c); err != nil {
			return fmt.Errorf("case %d: %w", i, err)
		}
		if len(firstIDs) < 6 {
			firstIDs = append(firstIDs, c.ID)
		}
		if err := handle(ctx, s, r, c, now); err != nil {
			return fmt.Errorf("case %d: %w", i, err)
		}
		if i%5000 == 4999 {
			fmt.Fprintf(os.Stderr, "%d cases\n", i+1)
		}
	}
	s.SetNow(time.Now)
	return meetings(ctx, s, now, firstIDs)
}

// demoCase invents case i of n; later cases are collected more recently.
func demoCase(r *rand.Rand, now time.Time, i, n int) *model.Case {
	is := issues[r.IntN(len(issues))]
	town, place := towns[r.IntN(len(towns))], places[r.IntN(len(places))]
	daysAgo := (n - i) * 120 / max(n, 1)
	collected := now.AddDate(0, 0, -daysAgo).Truncate(time.Minute).Add(-time.Duration(r.IntN(8*60)) * time.Minute)
	body := fmt.Sprintf(is.body, town, place)
	views, comments, reposts := 500+r.IntN(20000), r.IntN(300), r.IntN(120)
	return &model.Case{
		Title: fmt.Sprintf(is.title, town, place), Source: model.Sources[r.IntN(len(model.Sources))],
		URL: fmt.Sprintf("https://liuyan.example.cn/thread/%d", 880000+i), Poster: posters[r.IntN(len(posters))],
		Posted: collected.Add(-time.Duration(30+r.IntN(600)) * time.Minute), Collected: collected,
		Area: town, Domain: is.domain, Kind: is.kind, Risk: model.RiskLevels[r.IntN(2)],
		Spread:  fmt.Sprintf("原帖阅读量约 %d，评论 %d 条，转发 %d 次。", views, comments, reposts),
		Content: body, Summary: "网民反映" + fmt.Sprintf(is.title, town, place) + "，要求有关部门尽快处理。",
		Assessment: "诉求具体，属实可能性较大，如不及时回应可能引发跟帖扩散。",
		Proposal:   "建议交由责任单位核实处置，3 个工作日内回复网民。",
		Sentiment:  model.Sentiments[r.IntN(len(model.Sentiments))], Important: r.IntN(8) == 0,
		Engagement: model.Engagement{Views: views, Reposts: reposts, Comments: comments,
			Likes: r.IntN(500), CountedAt: collected.Add(2 * time.Hour)},
	}
}

// handle moves the case along its handling, as far as its age suggests.
func handle(ctx context.Context, s *model.Store, r *rand.Rand, c *model.Case, now time.Time) error {
	age := now.Sub(c.Collected).Hours() / 24
	if age < 1 || r.IntN(10) == 0 {
		return nil
	}
	d := depts[r.IntN(len(depts))].Name
	at := c.Collected.Add(3 * time.Hour)
	due := model.Day(at.AddDate(0, 0, 5+r.IntN(10)))
	if p, err := s.ProposeDue(ctx, c.Kind, c.Risk, at); err == nil && !p.Due.IsZero() {
		due = p.Due // as the 交办 form proposes it
	}
	if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionAssign, Departments: []string{d}, Due: due, At: at}); err != nil {
		return err
	}
	if age < 10 || r.IntN(4) == 0 {
		return remind(ctx, s, r, c, due, now) // still with the department; some are overdue
	}
	if r.IntN(6) == 0 { // some replies come late
		at = due.AddDate(0, 0, 1+r.IntN(6)).Add(10 * time.Hour)
	} else {
		at = at.Add(time.Duration(r.Int64N(int64(max(due.Sub(at), time.Hour)))))
	}
	if at.After(now) {
		at = now
	}
	reply := "经核查，网民反映情况属实。我单位已安排专人现场处理，相关问题已于近日整改完毕，并已电话回访网民，网民表示满意。"
	if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionReply, Reply: reply, At: at}); err != nil {
		return err
	}
	if age < 20 || r.IntN(3) == 0 {
		return nil
	}
	_, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionClose, At: at.AddDate(0, 0, 1)})
	return err
}

// remind 催办 some of the cases still with their department once or twice
// after their 时限, and extends a few (延期).
func remind(ctx context.Context, s *model.Store, r *rand.Rand, c *model.Case, due, now time.Time) error {
	s.SetNow(func() time.Time { return now })
	if r.IntN(6) == 0 {
		if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionExtend,
			Due: due.AddDate(0, 0, 7), Note: "涉及多个部门，需现场核实", At: due.Add(-24 * time.Hour)}); err != nil {
			return err
		}
		return nil
	}
	for k := range r.IntN(3) {
		at := due.AddDate(0, 0, 1+2*k).Add(10 * time.Hour)
		if at.After(now) {
			break
		}
		if _, err := s.TransitionCase(ctx, c.ID, model.Transition{Action: model.ActionRemind, At: at,
			Note: "电话催办，要求尽快回复"}); err != nil {
			return err
		}
	}
	return nil
}

// meetings writes a few meeting notes linked to the first cases.
func meetings(ctx context.Context, s *model.Store, now time.Time, ids []int64) error {
	day := func(d int, h int) time.Time {
		t := now.AddDate(0, 0, -d)
		return time.Date(t.Year(), t.Month(), t.Day(), h, 30, 0, 0, time.Local)
	}
	ms := []*model.Meeting{
		{Name: "全县网络舆情工作专题研究会", Type: "专题研究会", Time: day(3, 9), Place: "县委三楼会议室",
			Host: "王淑芬", Present: []string{"王淑芬", "赵德明", "刘建国", "王海燕"}, Attending: []string{"赵明", "孙丽"},
			Absent: []string{"钱志强"}, Recorder: "李晓雯", Topic: "研究近期群众反映集中的停车难、供暖不达标问题",
			Content: "会议听取了县委网信办关于近期网络舆情情况的汇报，分析了停车难、供暖温度不达标等集中诉求的原因，对下一步工作进行了部署。",
			Decisions: []model.Decision{
				{Text: "对城区老旧小区停车位进行摸底", Lead: "县住房和城乡建设局", Due: model.Day(now.AddDate(0, 0, 10))},
				{Text: "督促热力公司逐户排查室温", Lead: "城关镇人民政府", Due: model.Day(now.AddDate(0, 0, 5))},
			}, CaseIDs: ids[:min(3, len(ids))]},
		{Name: "涉教育领域舆情协调会", Type: "协调会", Time: day(12, 14), Place: "县教育局二楼会议室",
			Host: "赵德明", Present: []string{"赵德明", "赵明"}, Recorder: "李晓雯", Topic: "划片招生政策解读口径",
			Content: "会议明确了今年划片招生政策的解读口径和答复时限。", CaseIDs: ids[min(3, len(ids)):]},
		{Name: "十月份典型案例交流会", Type: "案例交流会", Time: day(30, 15), Place: "县委网信办会议室",
			Host: "王淑芬", Present: []string{"王淑芬", "各乡镇网信专干"}, Recorder: "周婷", Topic: "交流典型案例处置经验"},
	}
	for _, m := range ms {
		if err := s.CreateMeeting(ctx, m); err != nil {
			return err
		}
	}
	return nil
}
