package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"casebot/bot"
	"casebot/bot/cases"
	"casebot/bot/intent"
	"casebot/bot/llm"
	"casebot/config"
)

// Model-assisted understanding. When the rules leave words of a message
// unread (residue, or nothing understood) and a model is configured
// (llm.base_url, chat.model on), the message goes to the model as a
// tool-calling request whose schema is exactly the intents and slots of
// intent.Understanding. Every name the rules found, and every word that
// looks like a person's name, is replaced by a placeholder first and put
// back in what the model returns. Every returned slot is checked against
// the ledger (the case, agency, person or party must exist; dates must be
// dates) and dropped when it does not; the answer is then made by the same
// scope-checked handlers as any other. The rules stay first: a model
// reading is taken only when the rules understood nothing, or agree on the
// kind, and only for questions (never a change, a report or a write-up);
// when the model fails or is slow (chat.model_timeout), the rules'
// reading is used.

// modelReader asks the model to read what the rules leave.
type modelReader struct {
	s      *service
	client *llm.Client
	log    *slog.Logger
}

// newModelReader builds the reader, or nil when there is no model or
// chat.model is off. One try within chat.model_timeout: a question waits
// at most that long for the model.
func newModelReader(s *service, cfg *config.Config) *modelReader {
	if !cfg.Chat.Model || !cfg.LLM.Configured() {
		return nil
	}
	lc := cfg.LLM
	lc.Timeout, lc.Retries, lc.MaxTokens = cfg.Chat.ModelTimeout, 0, 512
	client, err := llm.New(lc)
	if err != nil {
		return nil
	}
	return &modelReader{s: s, client: client, log: slog.Default()}
}

// needsModel reports whether the rules left words of the message unread:
// residue, or nothing understood.
func needsModel(u intent.Understanding) bool {
	switch u.Kind {
	case intent.Help, intent.Thanks, intent.More, intent.Pick, intent.Confirm, intent.News, intent.Explain, intent.Legal:
		return false
	}
	return len(u.Residue) > 0 || u.Kind == intent.Scope || u.Kind == intent.Unknown
}

// modelKinds are the kinds the model may give: questions only.
var modelKinds = []intent.Kind{intent.Hearings, intent.Case, intent.Cases, intent.Count, intent.Rates, intent.Bulletin,
	intent.Changes, intent.Deadlines, intent.Help, intent.Thanks, intent.Scope}

// The values the schema offers and the reading accepts, one list each.
var (
	modelMetrics = []string{"lost", "closed", "filed", "corrected", "open", "suggested"}
	modelRates   = []string{"loss", "judged", "appearance", "correction", "withdrawal"}
	modelRanks   = []string{"top", "bottom", "under", "met"}
	modelAspects = []string{"head", "handler", "outcome", "held", "stage", "when", "where", "court",
		"plaintiff", "defendant", "reason", "bring", "lawyer", "cause", "advice"}
	modelCaseKinds   = []string{"行政诉讼", "行政复议", "非诉执行审查"}
	modelStages      = []string{"一审", "二审", "再审"}
	modelSuggestions = []string{"司法建议", "检察建议"}
	modelDeadlines   = []string{"answer", "reply", "appeal", "decision", "judicial_suggestion", "procuratorial_suggestion"}
	// modelPlace is what a courtroom the model returns must look like.
	modelPlace = regexp.MustCompile(`^(?:第[一二三四五六七八九十]{1,3}法庭|听证室)$`)
)

// understandTool is the schema of intent.Understanding the model fills.
func understandTool() llm.Tool {
	str := func(desc string, enum ...string) map[string]any {
		m := map[string]any{"type": "string", "description": desc}
		if len(enum) > 0 {
			m["enum"] = enum
		}
		return m
	}
	kinds := make([]string, len(modelKinds))
	for i, k := range modelKinds {
		kinds[i] = string(k)
	}
	return llm.Tool{
		Name: "understand",
		Description: "读出一条发给行政应诉工作助手的消息问的是什么。只填写消息中明确说到的内容，不要猜测；" +
			"人名、当事人名已替换为〔名1〕这样的占位符，原样填回即可。",
		Parameters: map[string]any{
			"type": "object",
			"properties": map[string]any{
				"kind": str("问题类型：hearings 开庭安排，case 某个案件的情况，cases 一类案件的列表，count 统计件数（败诉、结案、新收、纠错、未结），"+
					"rate 比率或排名（败诉率、出庭率、纠错率、调撤率），bulletin 月度败诉通报，changes 最近改期，deadlines 法定期限（答辩期、上诉期等）到期或逾期，help 怎么用，thanks 致谢，scope 与案件无关", kinds...),
				"numbers":     map[string]any{"type": "array", "items": str("案号，按原文写，如 (2026)黔0115行初85号 或 行初85号")},
				"party":       str("原告或复议申请人的名称或占位符"),
				"agency":      str("被告行政机关，如 某县公安局、市监局"),
				"person":      str("出庭负责人或承办人的姓名或占位符"),
				"person_role": str("person 的身份", "head", "handler"),
				"mine":        str("问的是提问人自己（self）还是提问人所在单位（agency）", "self", "agency"),
				"metric":      str("统计什么（suggested：收到司法建议或检察建议的案件）", modelMetrics...),
				"suggestion":  str("metric 为 suggested 时，哪一种建议（不填为两种）", modelSuggestions...),
				"rate":        str("哪个比率", modelRates...),
				"rank":        str("排名：top 由高到低或最多，bottom 最低或最少，under 未达标", modelRanks...),
				"aspect":      str("问案件或开庭的哪一项（advice：司法建议、检察建议）", modelAspects...),
				"place":       str("开庭的法庭，如 第一法庭、听证室"),
				"deadline_kinds": map[string]any{"type": "array", "items": str("kind 为 deadlines 时问哪类期限：answer 答辩举证，reply 复议答复，appeal 上诉，"+
					"decision 复议决定，judicial_suggestion 司法建议回复，procuratorial_suggestion 检察建议回复", modelDeadlines...)},
				"overdue":     map[string]any{"type": "boolean", "description": "kind 为 deadlines 时，只问已逾期的"},
				"from":        str("时间范围的第一天，YYYY-MM-DD"),
				"to":          str("时间范围的最后一天（含），YYYY-MM-DD"),
				"time_of_day": str("上午或下午", "am", "pm"),
				"case_kind":   str("案件类型", modelCaseKinds...),
				"stage":       str("审级", modelStages...),
				"cause":       str("案由关键词，如 工伤、征收、信息公开"),
			},
			"required": []string{"kind"},
		},
	}
}

// modelArgs are the tool call's arguments as the model wrote them.
type modelArgs struct {
	Kind       string   `json:"kind"`
	Numbers    []string `json:"numbers"`
	Party      string   `json:"party"`
	Agency     string   `json:"agency"`
	Person     string   `json:"person"`
	PersonRole string   `json:"person_role"`
	Mine       string   `json:"mine"`
	Metric     string   `json:"metric"`
	Rate       string   `json:"rate"`
	Rank       string   `json:"rank"`
	Aspect     string   `json:"aspect"`
	From       string   `json:"from"`
	To         string   `json:"to"`
	TimeOfDay  string   `json:"time_of_day"`
	CaseKind   string   `json:"case_kind"`
	Stage      string   `json:"stage"`
	Cause      string   `json:"cause"`
	Suggestion string   `json:"suggestion"`
	Place      string   `json:"place"`
	// DeadlineKinds and Overdue read a question about deadlines.
	DeadlineKinds []string `json:"deadline_kinds"`
	Overdue       bool     `json:"overdue"`
}

// nameLike finds what may be a person's name in residue: two or three
// Chinese characters after none (the whole word), to be masked.
var nameLike = regexp.MustCompile(`^\p{Han}{2,3}$`)

// read asks the model and returns its validated reading, or u when the
// model is not to be taken; ms is how long the model took.
func (m *modelReader) read(c bot.Context, text string, u intent.Understanding, lex *lexicon) (intent.Understanding, int, error) {
	// Placeholders for every name: the rules' finds, the directory's and
	// the ledger's people named in the text, and residue words shaped
	// like a name.
	names := []string{}
	add := func(n string) {
		if n != "" && utf8.RuneCountInString(n) >= 2 && !slices.Contains(names, n) && strings.Contains(text, n) {
			names = append(names, n)
		}
	}
	add(u.Party)
	add(u.Written)
	for _, o := range u.Others {
		add(o)
	}
	add(u.Person)
	for _, r := range u.Residue {
		if nameLike.MatchString(r) {
			add(r)
		}
	}
	if ps, err := m.s.st.People(c.Ctx()); err == nil {
		for _, p := range ps {
			add(p.Name)
		}
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) })
	masked := text
	for i, n := range names {
		masked = strings.ReplaceAll(masked, n, fmt.Sprintf("〔名%d〕", i+1))
	}
	restore := func(s string) string {
		for i, n := range names {
			s = strings.ReplaceAll(s, fmt.Sprintf("〔名%d〕", i+1), n)
		}
		return strings.TrimSpace(s)
	}
	now := c.Now()
	sys := fmt.Sprintf("你是某县司法局行政应诉工作助手的理解模块。今天是 %s（%s）。提问人是%s。请调用 understand 读出消息问的是什么。",
		now.Format("2006-01-02"), weekdays[now.Weekday()], c.Person().Role.Label())
	ctx, cancel := context.WithTimeout(c.Ctx(), m.s.cfg.Chat.ModelTimeout)
	defer cancel()
	start := time.Now()
	raw, _, err := m.client.Call(ctx, []llm.Message{{Role: llm.System, Content: sys}, {Role: llm.User, Content: masked}}, understandTool())
	ms := int(time.Since(start).Milliseconds())
	if err != nil {
		m.log.Warn("the model could not read a message; the rules' reading is used", "err", err, "ms", ms)
		return u, ms, nil
	}
	var args modelArgs
	if err := json.Unmarshal(raw, &args); err != nil {
		m.log.Warn("the model's reading is not JSON; the rules' reading is used", "err", err)
		return u, ms, nil
	}
	mu, ok, err := m.validate(c, args, restore, lex)
	if err != nil || !ok {
		return u, ms, err
	}
	// Rules first: the model's reading is taken when the rules understood
	// nothing, or only guessed the kind (no word named it), or read the
	// same kind of question (the model then fills what the rules left).
	if u.Anchored && u.Kind != intent.Scope && u.Kind != intent.Unknown && mu.Kind != u.Kind {
		return u, ms, nil
	}
	mu.Filler, mu.Residue, mu.Model = u.Filler, u.Residue, true
	return mu, ms, nil
}

// validate turns the model's arguments into an Understanding, keeping only
// what checks out against the ledger and the vocabularies: ok is false when
// nothing usable is left.
func (m *modelReader) validate(c bot.Context, a modelArgs, restore func(string) string, lex *lexicon) (intent.Understanding, bool, error) {
	ctx, viewer, loc := c.Ctx(), c.Person(), c.Location()
	u := intent.Understanding{Kind: intent.Kind(a.Kind), Anchored: true}
	if !slices.Contains(modelKinds, u.Kind) {
		return u, false, nil
	}
	for _, n := range a.Numbers {
		written := restore(n)
		if num, err := cases.ParseNumber(written); err == nil {
			u.Numbers = append(u.Numbers, num.String())
		} else if o, err := intent.Understand(written, intent.Options{Now: c.Now(), Courts: m.s.courts}); err == nil && len(o.Numbers) > 0 {
			u.Numbers, u.Short = append(u.Numbers, o.Numbers...), o.Short
		}
	}
	if len(u.Numbers) > 0 {
		// A number the asker cannot see is not a reading of their message.
		cs, err := m.s.visible(ctx, viewer, u.Numbers, nil)
		if err != nil {
			return u, false, err
		}
		u.Numbers = nil
		for _, cs := range cs {
			u.Numbers = append(u.Numbers, cs.Number)
		}
		u.Short = ""
	}
	if a.Agency != "" {
		got, err := lex.Agencies(restore(a.Agency))
		if err != nil {
			return u, false, err
		}
		if len(got) > 0 {
			u.Agency, u.Agencies = restore(a.Agency), got
		}
	}
	if p := restore(a.Party); p != "" {
		ns, err := m.s.st.PartyNumbers(ctx, p)
		if err != nil {
			return u, false, err
		}
		if len(ns) > 0 {
			u.Party = p
		}
	}
	if p := restore(a.Person); p != "" {
		ns, err := m.s.st.PersonNumbers(ctx, p)
		if err != nil {
			return u, false, err
		}
		if len(ns) > 0 {
			u.Person = p
			if a.PersonRole == "head" || a.PersonRole == "handler" {
				u.PersonRole = a.PersonRole
			}
		}
	}
	if a.Mine == string(intent.MineSelf) || a.Mine == string(intent.MineAgency) {
		u.Mine = intent.Mine(a.Mine)
	}
	if slices.Contains(modelMetrics, a.Metric) {
		u.Metric = intent.Metric(a.Metric)
		if u.Metric == intent.Suggested {
			u.Aspect = intent.Advice
			if slices.Contains(modelSuggestions, a.Suggestion) {
				u.Suggestion = a.Suggestion
			}
		}
	}
	if slices.Contains(modelRates, a.Rate) {
		u.Rate = intent.Rate(a.Rate)
	}
	if slices.Contains(modelRanks, a.Rank) {
		u.Rank = intent.Rank(a.Rank)
	}
	if slices.Contains(modelAspects, a.Aspect) {
		u.Aspect = intent.Aspect(a.Aspect)
	}
	for _, k := range a.DeadlineKinds {
		if slices.Contains(modelDeadlines, k) && !slices.Contains(u.DeadlineKinds, k) {
			u.DeadlineKinds = append(u.DeadlineKinds, k)
		}
	}
	if u.Kind == intent.Deadlines {
		u.Overdue, u.Aspect = a.Overdue, intent.Deadline
	}
	if p := intent.CanonicalPlace(strings.TrimSpace(a.Place)); modelPlace.MatchString(p) {
		u.Place = p
	}
	if a.TimeOfDay == "am" || a.TimeOfDay == "pm" {
		u.TimeOfDay = a.TimeOfDay
	}
	if slices.Contains(modelCaseKinds, a.CaseKind) {
		u.CaseKind = a.CaseKind
	}
	if slices.Contains(modelStages, a.Stage) {
		u.Stage = a.Stage
	}
	if cause := strings.TrimSpace(a.Cause); cause != "" && utf8.RuneCountInString(cause) <= 6 {
		u.Cause = cause
	}
	if a.From != "" {
		from, err1 := time.ParseInLocation("2006-01-02", a.From, loc)
		to, err2 := time.ParseInLocation("2006-01-02", a.To, loc)
		if a.To == "" {
			to, err2 = from, nil
		}
		now := c.Now()
		if err1 == nil && err2 == nil && !to.Before(from) && from.After(now.AddDate(-10, 0, 0)) && to.Before(now.AddDate(5, 0, 0)) {
			u.Period = intent.Period{From: from, To: to.AddDate(0, 0, 1),
				Label: fmt.Sprintf("%d月%d日至%d月%d日", from.Month(), from.Day(), to.Month(), to.Day())}
			if from.Equal(to) {
				u.Period.Label = fmt.Sprintf("%d月%d日（%s）", from.Month(), from.Day(), weekdays[from.Weekday()])
			}
		}
	}
	if u.Kind == intent.Hearings {
		u.Hearing = true
	}
	return u, true, nil
}
