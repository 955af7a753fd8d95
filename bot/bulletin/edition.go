package bulletin

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/image/font/opentype"

	"casebot/bot"
	"casebot/bot/bulletin/cjkfont"
	"casebot/bot/cases"
	"casebot/bot/deadline"
	"casebot/config"
)

// Settings are the configured choices every bulletin is computed and
// written with, read once from the configuration: the scheduler, the chat
// handler and the command line share them, so all three say the same.
type Settings struct {
	Loss     cases.LossSet
	Location *time.Location
	Style    Style
	Chart    ChartStyle
	// Deadlines computes the 整改 reports' last days.
	Deadlines *deadline.Rules
}

// NewSettings reads the bulletin section, the 败诉 set and the time zone of
// cfg, and loads bulletin.font_file when set.
func NewSettings(cfg *config.Config) (*Settings, error) {
	loss, err := cases.NewLossSet(cfg.Cases.LossOutcomes)
	if err != nil {
		return nil, err
	}
	loc := cfg.Location
	if loc == nil {
		return nil, fmt.Errorf("bulletin: configuration without a time zone")
	}
	var f *opentype.Font
	if cfg.Bulletin.FontFile != "" {
		if f, err = cjkfont.Load(cfg.Bulletin.FontFile); err != nil {
			return nil, fmt.Errorf("配置 bulletin.font_file：%w", err)
		}
	}
	rules, err := deadline.FromConfig(cfg)
	if err != nil {
		return nil, err
	}
	b := cfg.Bulletin
	return &Settings{
		Deadlines: rules,
		Loss:      loss,
		Location:  loc,
		Style:     Style{ControlLine: b.ControlLine, Issuer: b.Issuer, ListLimit: b.ListLimit, Location: loc},
		Chart:     ChartStyle{ControlLine: b.ControlLine, Font: f, Location: loc},
	}, nil
}

// Compute computes month m's report as of now.
func (s *Settings) Compute(ctx context.Context, src Source, m Month, now time.Time) (*Report, error) {
	return Compute(ctx, src, m, Options{Loss: s.Loss, Location: s.Location, Now: now, Deadlines: s.Deadlines})
}

// ComputeSpan computes the figures of [from, to) as of now (see Span),
// without the year before.
func (s *Settings) ComputeSpan(ctx context.Context, src Source, from, to, now time.Time) (*Span, error) {
	return ComputeSpan(ctx, src, from, to, Options{Loss: s.Loss, Location: s.Location, Now: now, NoYearBefore: true})
}

// Edition is a bulletin as pushed: its markdown messages, in order, then
// its chart (none when nothing could be drawn). It is kept once first
// pushed, so every recipient and every retry gets the same text.
type Edition struct {
	Month       string    `json:"month"`
	GeneratedAt time.Time `json:"generated_at"`
	Parts       []string  `json:"parts"`
	Chart       []byte    `json:"chart,omitempty"`
}

// Edition writes r up: the notice's markdown and the chart.
func (s *Settings) Edition(r *Report) (*Edition, error) {
	chart, err := r.Chart(s.Chart)
	if err != nil {
		return nil, fmt.Errorf("draw the chart of %s: %w", r.Month, err)
	}
	return &Edition{Month: r.Month, GeneratedAt: r.GeneratedAt, Parts: r.Markdown(s.Style), Chart: chart}, nil
}

// ChartName is the file name the chart is uploaded under.
func ChartName(month string) string { return "bulletin-" + month + ".png" }

// Messages returns the pushes of the edition, in order, addressed by to
// (which sets the recipient of each).
func (e *Edition) Messages(to func(bot.Outbound) bot.Outbound) []bot.Outbound {
	out := make([]bot.Outbound, 0, len(e.Parts)+1)
	for _, p := range e.Parts {
		out = append(out, to(bot.Outbound{Type: bot.MsgMarkdown, Text: p}))
	}
	if len(e.Chart) > 0 {
		out = append(out, to(bot.Outbound{Type: bot.MsgImage, Image: &bot.Image{Name: ChartName(e.Month), Data: e.Chart}}))
	}
	return out
}
