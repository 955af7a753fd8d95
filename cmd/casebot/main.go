// Command casebot is the justice bureau's WeCom case bot: the server, the
// embedded demo, and the tools staff and scripts use on the ledger.
//
// main only parses flags and wires parts together; the work lives in the
// packages under bot/, handlers/ and reminders/.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	_ "time/tzdata" // the container image has no zoneinfo
)

// command is one subcommand. run gets the arguments after the command name
// and returns a *usageError for bad usage (exit 2), any other error for a
// user error (exit 1).
type command struct {
	summary string
	run     func(e *env, args []string) error
}

// commands lists every subcommand of the contract (shared/ARCHITECTURE.md).
var commands = map[string]command{
	"case":          {"查看一个案件及其法定期限：casebot case 案号 [--json] [--now RFC3339]", runCase},
	"import":        {"导入台账：casebot import FILE.xlsx|FILE.csv [--dry-run] [--json] [--skip-invalid] [--force]；撤销上次导入：casebot import --undo", runImport},
	"export":        {"按导入模板导出台账：casebot export FILE.xlsx", runExport},
	"demo":          {"演示：内置 Redis、模拟企业微信与虚构台账，在 / 提供沙盒聊天页面", runDemo},
	"serve":         {"正式服务：企业微信回调、消息处理、提醒与管理接口", runServe},
	"loadtest":      {"压测：启动 casebot serve（真实 Redis + 模拟企业微信），报告回调应答与端到端延迟、内存占用", runLoadtest},
	"people import": {"导入人员名单：casebot people import FILE.xlsx|FILE.csv [--dry-run] [--json]", runPeopleImport},
	"people sync":   {"按企业微信通讯录同步人员名单（部门映射见 people.departments）：casebot people sync [--dry-run] [--json]", runPeopleSync},
	"audit":         {"查看审计记录：casebot audit [--since T] [--user U] [--limit N] [--json]", runAudit},
	"remind":        {"预览某一时刻到期的开庭提醒：casebot remind --dry-run [--now RFC3339] [--json]", runRemind},
	"bulletin":      {"月度败诉通报：casebot bulletin --month YYYY-MM [--json] [--send] [--chart FILE]", runBulletin},
	"explain":       {"以案说法草稿：casebot explain 案号 [--offline] [--new]；审核 [--approve [--note 意见]] [--return 意见] [--publish] [--version N]；导出 --export FILE.docx；列表 --list 待审核|已审核|已退回|已发布、--candidates [--days N] [--json]", runExplain},
	"attach":        {"关联裁判文书或复议决定书：casebot attach [案号] FILE.docx|FILE.pdf|FILE.txt [--force]（不写案号时从文书中识别）", runAttach},
	"anonymize":     {"脱敏：从标准输入读取文本，输出隐名后的文本：casebot anonymize [--names 张三,李四] [--keep-officials]", runAnonymize},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	name := args[0]
	// "people import" is a two-word command.
	if name == "people" && len(args) > 1 {
		name, args = "people "+args[1], args[1:]
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "casebot: 未知命令 %q；运行 casebot help 查看可用命令\n", args[0])
		return 2
	}
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	defer e.close()
	err := cmd.run(e, args[1:])
	var ue *usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "casebot %s: %v\n", name, ue.msg)
		return 2
	default:
		fmt.Fprintf(stderr, "casebot %s: %s\n", name, oneLine(err.Error()))
		return 1
	}
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "用法：casebot <命令> [参数]，每个命令都接受 --config FILE（或环境变量 CASEBOT_CONFIG）")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, commands[n].summary)
	}
}

// usageError is bad usage: a missing argument or an unknown flag.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// oneLine keeps an error on one line of stderr.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", "; ")), " ")
}

// flags returns a FlagSet for a command with the common --config flag.
func (e *env) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.StringVar(&e.configPath, "config", "", "配置文件（YAML）；也可用环境变量 CASEBOT_CONFIG")
	return fs
}

// parse parses flags, allowing them before or after positional arguments
// (casebot import FILE --json), and turns flag errors into usage errors.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, &usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
