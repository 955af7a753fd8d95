package handlers

import (
	"casebot/bot"
	"casebot/bot/intent"
	"casebot/config"
)

// modelReader asks the model to read what the rules leave (see read).
type modelReader struct{ s *service }

func newModelReader(s *service, cfg *config.Config) *modelReader { return nil }

// needsModel reports whether the rules left words of the message unread.
func needsModel(u intent.Understanding) bool {
	return len(u.Residue) > 0 || u.Kind == intent.Scope || u.Kind == intent.Unknown
}

func (m *modelReader) read(c bot.Context, text string, u intent.Understanding, lex *lexicon) (intent.Understanding, int, error) {
	return u, 0, nil
}
