package layout

import (
	"strings"
)

// The title's line breaks need to know where words are: 集中 or 水质 must not
// be split across two lines. Titles are segmented as jieba does it: every
// way of cutting the title into dictionary words is weighed by the words'
// frequencies, and the most probable cut wins. The dictionary is jieba's
// (worddict/words.txt.gz, 133 000 words of one to four ideographs, 690 KB,
// rebuilt by scripts/make-title-dict; the program searches the table made
// from it, wordtable.go), with the small lexicon below of 舆情
// and 政务 words and phrases added as very frequent words, so that they stay
// whole. An unknown word (a place name) falls apart into single characters,
// between which a break is only discouraged.

// maxWordLen is the length in runes of the longest lexicon entry.
const maxWordLen = 4

// titleWords is the lexicon, built once.
var titleWords = lexicon(
	// 报送与文种
	"关于 有关 对于 针对 围绕 涉及 近期 近日 目前 当前 今年 去年 本月 上月 本周 日前",
	"舆情 专报 快报 简报 要报 续报 情况 报告 通报 通知 意见 请示 批示 函复 答复 说明 汇报",
	"第一次 第二次 第三次 第四次 第五次 首次 再次 最新 进展 动态 分析 研判 提示 预警",
	"舆论 舆情专报 网络 网络舆情 网上 网民 网友 网帖 帖子 发帖 跟帖 转发 评论 点赞 热议 热搜",
	"话题 关注 关切 炒作 发酵 传播 扩散 谣言 不实 信息 消息 视频 短视频 直播 图片 留言",
	"微博 微信 抖音 快手 头条 公众号 朋友圈 论坛 贴吧 平台 媒体 自媒体 记者 报道 曝光",
	// 地方与机构
	"我县 我市 我区 我省 我镇 全县 全市 全区 全省 县城 城区 城市 城镇 农村 乡村 乡镇 街道",
	"社区 小区 村民 居民 市民 群众 百姓 业主 商户 家长 学生 老人 儿童 患者 游客 司机 职工",
	"部门 单位 机关 政府 县委 市委 党委 人大 政协 纪委 监委 法院 检察院 公安 派出所 交警",
	"城管 住建 水务 环保 生态 教育 卫健 民政 人社 税务 市场 监管 应急 消防 信访 街办",
	"学校 中学 小学 幼儿园 医院 卫生院 公司 企业 工厂 银行 商场 超市 市场监管 村委会 居委会",
	"县城区 开发区 工业园 园区 景区 车站 高速 国道 省道 道路 公路 桥梁 河道 水库 管网",
	"沿线 周边 附近 一带 片区 辖区 境内 工地 夜间 凌晨 电梯 主干道 人民医院 城关镇",
	// 民生事项
	"集中 供水 停水 停电 供电 供暖 供气 燃气 用水 饮水 水质 水费 水价 水压 自来水 污水",
	"老旧 改造 工程 项目 施工 建设 拆迁 征地 补偿 安置 房屋 住房 楼盘 物业 业委会 维修",
	"停车 停车位 收费 乱收费 价格 涨价 退费 费用 资金 补贴 工资 拖欠 欠薪 农民工 讨薪",
	"交通 拥堵 出行 公交 道路 事故 安全 隐患 质量 食品 药品 餐饮 卫生 医疗 就医 看病",
	"环境 污染 噪音 噪声 扰民 异味 垃圾 秽物 排放 排污 废水 废气 扬尘 油烟 绿化 树木",
	"校外培训 教育 招生 入学 学位 课程 培训 考试 校园 食堂 校车 作业 教师 老师 医生 护士",
	"养老 社保 医保 低保 救助 扶贫 帮扶 就业 创业 失业 户籍 办证 审批 办事 窗口 服务",
	"网格 疫情 防控 防汛 汛期 暴雨 洪水 干旱 高温 寒潮 火灾 地震 事件 案件 纠纷 冲突",
	// 诉求与处置
	"问题 反映 反应 诉求 投诉 举报 求助 咨询 建议 意见 质疑 不满 抱怨 维权 上访 聚集",
	"热线 电话 信件 来信 来访 信访件 工单 回复 回应 答复 回访 核实 调查 核查 查处 处理",
	"处置 引导 化解 应对 跟进 督办 交办 转办 办理 落实 整改 整治 治理 解决 协调 推进",
	"工作 措施 举措 方案 机制 制度 政策 规定 标准 规划 计划 行动 专项 专项行动 活动",
	"管理 服务 监督 检查 执法 执行 保障 保护 维护 提升 改善 优化 完善 加强 加快 推动",
	"发展 社会 经济 民生 文明 和谐 稳定 秩序 形象 公信力 满意度 获得感 安全感",
	"进一步 切实 及时 迅速 妥善 持续 全面 集中 依法 严肃 积极 主动 有效 相关 有关部门",
	"缓慢 滞后 迟缓 困难 不便 严重 频繁 长期 多次 反复 突出 较大 较多 明显 普遍",
	"故障 中断 瘫痪 异常 延误 延迟 失灵 损坏 破损 漏水 爆管 断水 浑浊 发黄 异味",
	// 常见的四字组合：整体不拆
	"网民反映 群众反映 集中反映 集中供水 供水管网 管网改造 老旧小区 改造工程 水质问题",
	"进展缓慢 情况报告 舆情处置 舆情应对 舆情引导 舆论引导 交通安全 安全隐患 食品安全",
	"安全生产 医疗服务 服务质量 政务服务 便民热线 政务热线 市民热线 环境污染 生态环境",
	"环境保护 拖欠工资 工资拖欠 停车收费 物业服务 物业管理 垃圾分类 房屋征收 交通拥堵",
	"对接 对比 对象 对待 核对 面对 目的 等待 等级 同等 平等",
)

// lexicon makes the word set from lines of space-separated words.
func lexicon(lines ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lines {
		for _, w := range strings.Fields(l) {
			m[w] = true
		}
	}
	return m
}

// segment cuts runes into the most probable sequence of dictionary words.
// start[i] reports whether rune i begins a word (start has one more entry,
// true, for the end of the text), and single[i] whether rune i is a CJK
// character that is a word of its own.
func segment(rs []rune) (start, single []bool) {
	n := len(rs)
	best := make([]float32, n+1)
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		p, ok := wordLogP(wordKey(rs[i : i+1]))
		if !ok {
			p = wordModel.unknown
		}
		best[i], next[i] = p+best[i+1], i+1
		if !isHan(rs[i]) {
			continue
		}
		for l := 2; l <= maxWordLen && i+l <= n; l++ {
			if p, ok := wordLogP(wordKey(rs[i : i+l])); ok && p+best[i+l] > best[i] {
				best[i], next[i] = p+best[i+l], i+l
			}
		}
	}
	start = make([]bool, n+1)
	single = make([]bool, n)
	for i := 0; i < n; i = next[i] {
		start[i] = true
		single[i] = next[i] == i+1 && isHan(rs[i])
	}
	start[n] = true
	return start, single
}

// isHan reports whether r is a CJK ideograph.
func isHan(r rune) bool {
	return r >= 0x3400 && r <= 0x9FFF || r >= 0x20000 && r <= 0x3134F || r == '〇'
}
