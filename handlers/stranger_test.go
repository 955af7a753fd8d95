package handlers

import (
	"testing"

	"casebot/bot/intent"
)

// knownOnly parses a stranger's message only when intent.MayBeLegal says
// it may be a legal question. Over every message of the corpus, whoever
// wrote it, no message Understand reads as legal is one MayBeLegal would
// refuse unread.
func TestStrangersLegalPrefilterLosesNone(t *testing.T) {
	n := 0
	for _, en := range readCorpus(t, "testdata/corpus.txt") {
		if en.event {
			continue
		}
		u, err := intent.Understand(en.text, intent.Options{Now: corpusClock})
		if err != nil || u.Kind != intent.Legal {
			continue
		}
		n++
		if !intent.MayBeLegal(en.text) {
			t.Errorf("%v: read as a legal question, but a stranger's copy would be refused unread", en)
		}
	}
	if n == 0 {
		t.Fatal("no legal question in the corpus: the check proves nothing")
	}
	t.Logf("%d legal questions in the corpus, all kept by the prefilter", n)
}
