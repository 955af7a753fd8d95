// Package prompts holds the prompt templates of 以案说法 drafts, embedded
// in the binary and parsed at start: a template that does not parse, or
// does not render on sample data, stops the service before it takes a
// single message (Load returns the error; MustLoad panics with it).
//
// Each template starts with a header line “# version: N”; the versions
// are stored with every draft, so a draft can be traced to the wording
// that produced it.
package prompts

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"text/template"
)

//go:embed *.tmpl
var embedded embed.FS

// Files are the templates a Set needs.
const (
	SystemFile = "system.tmpl"
	UserFile   = "user.tmpl"
)

// Input is what the templates render: case fields, every one of them
// anonymized by the caller, and the writing constraints.
type Input struct {
	Bureau         string // 某县司法局
	Kind           string // 行政诉讼 / 行政复议 / 非诉执行审查
	Stage          string
	PartyLabel     string   // 原告 / 申请人
	Plaintiffs     []string // 张某, 某公司
	DefendantLabel string   // 被告 / 被申请人
	Defendants     []string
	Cause          string
	CourtLabel     string // 承办法院 / 复议机关
	Court          string
	FiledOn        string // 2025年3月
	ClosedOn       string
	Outcome        string // 判决撤销
	OutcomeClass   string // 行政机关败诉 / 复议纠错 / 行政机关未败诉
	Reason         string // 败诉原因
	HeadAppearance string
	Note           string
	// Statutes are the only articles the draft may cite.
	Statutes []string
	// Hint is the angle asked for with 换个角度.
	Hint               string
	MinChars, MaxChars int
	// ResultLabel and CommentLabel name two of the sections asked for:
	// 裁判结果 and 法官说法, or 复议结果 and 复议机构说法.
	ResultLabel, CommentLabel string
	// Decision is the anonymized decision attached to the case, nil when
	// none is: the draft is then written from the fields alone.
	Decision *Decision
}

// Decision is the part of an attached decision the model reads, every
// part anonymized and within the prompt's budget (see bot/explain).
type Decision struct {
	Title  string // 行政判决书, 行政复议决定书
	Issuer string // the court or 复议机关
	// ContestedAct is the 文号 of the act under review.
	ContestedAct                   string
	Origin, Prior, Claims, Defense string
	Facts, Reasoning, Operative    string
	ClaimsLabel, DefenseLabel      string // 诉讼请求 / 复议请求, 被告答辩 / 被申请人答复
	FactsLabel, ReasoningLabel     string // 经审理查明, 本院认为 / 本机关认为
	OperativeLabel                 string // 判决主文 / 裁定主文 / 决定主文
	// Reduced says what was shortened to keep within the budget, "" when
	// nothing was.
	Reduced string
}

// Set is the parsed pair of templates.
type Set struct {
	system, user               *template.Template
	systemVersion, userVersion string
}

// Version names the wording of both templates, e.g. "system@1+user@1".
func (s *Set) Version() string {
	return "system@" + s.systemVersion + "+user@" + s.userVersion
}

// Load parses the embedded templates.
func Load() (*Set, error) { return LoadFS(embedded) }

// MustLoad is Load for a process that cannot run without its prompts.
func MustLoad() *Set {
	s, err := Load()
	if err != nil {
		panic(err)
	}
	return s
}

// LoadFS parses the templates found in fsys and renders them once on
// sample data, so that a missing field fails now rather than on the first
// draft.
func LoadFS(fsys fs.FS) (*Set, error) {
	s := &Set{}
	var err error
	if s.system, s.systemVersion, err = parse(fsys, SystemFile); err != nil {
		return nil, err
	}
	if s.user, s.userVersion, err = parse(fsys, UserFile); err != nil {
		return nil, err
	}
	if _, _, err := s.Render(Sample()); err != nil {
		return nil, err
	}
	return s, nil
}

var funcs = template.FuncMap{"join": strings.Join}

func parse(fsys fs.FS, name string) (*template.Template, string, error) {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, "", fmt.Errorf("提示词模板 %s 读取失败：%w", name, err)
	}
	header, body, _ := strings.Cut(string(b), "\n")
	version, ok := strings.CutPrefix(strings.TrimSpace(header), "# version:")
	version = strings.TrimSpace(version)
	if !ok || version == "" {
		return nil, "", fmt.Errorf("提示词模板 %s 的第一行应为“# version: 版本号”", name)
	}
	t, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(body)
	if err != nil {
		return nil, "", fmt.Errorf("提示词模板 %s（版本 %s）无法解析：%w", name, version, err)
	}
	return t, version, nil
}

// Render returns the system and user prompts for in.
func (s *Set) Render(in Input) (system, user string, err error) {
	var b strings.Builder
	if err := s.system.Execute(&b, in); err != nil {
		return "", "", fmt.Errorf("提示词模板 %s 渲染失败：%w", SystemFile, err)
	}
	system = tidy(b.String())
	b.Reset()
	if err := s.user.Execute(&b, in); err != nil {
		return "", "", fmt.Errorf("提示词模板 %s 渲染失败：%w", UserFile, err)
	}
	return system, tidy(b.String()), nil
}

// tidy trims trailing spaces and the blank lines template actions leave.
func tidy(s string) string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(s))
	blank := false
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), " \t")
		if line == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// Sample is a fictional, already anonymized input, used to check the
// templates at load time and in tests.
func Sample() Input {
	return Input{
		Bureau: "某县司法局", Kind: "行政诉讼", Stage: "一审", PartyLabel: "原告", Plaintiffs: []string{"张某"},
		DefendantLabel: "被告", Defendants: []string{"某县市场监督管理局"}, Cause: "行政处罚",
		CourtLabel: "承办法院", Court: "某县人民法院", FiledOn: "2025年3月", ClosedOn: "2025年9月",
		Outcome: "判决撤销", OutcomeClass: "行政机关败诉", Reason: "未告知陈述申辩权利，程序违法",
		HeadAppearance: "行政机关负责人已出庭", Statutes: []string{"《中华人民共和国行政诉讼法》第七十条（判决撤销或者部分撤销）"},
		MinChars: 1000, MaxChars: 2000, ResultLabel: "裁判结果", CommentLabel: "法官说法",
		Decision: &Decision{
			Title: "行政判决书", Issuer: "某县人民法院", ContestedAct: "某市监处罚〔2025〕45号",
			Origin: "原告张某不服被告某县市场监督管理局作出的行政处罚决定，向本院提起行政诉讼。", Claims: "原告张某诉称，……",
			Defense: "被告辩称，……", Facts: "经审理查明，……", Reasoning: "本院认为，……", Operative: "撤销被告作出的某市监处罚〔2025〕45号行政处罚决定。",
			ClaimsLabel: "诉讼请求", DefenseLabel: "被告答辩", FactsLabel: "经审理查明", ReasoningLabel: "本院认为", OperativeLabel: "判决主文",
			Reduced: "经审理查明部分删去 2 段",
		},
	}
}
