package handlers

import (
	"sync/atomic"
	"testing"

	"casebot/bot/intent"
)

// knownOnly parses a stranger's message only when intent.MayBeLegal says
// it may be a legal question. Over every message of the corpus, whoever
// wrote it, no message Understand reads as legal is one MayBeLegal would
// refuse unread.
func TestStrangersLegalPrefilterLosesNone(t *testing.T) {
	var texts []string
	for _, en := range readCorpus(t, "testdata/corpus.txt") {
		if !en.event {
			texts = append(texts, en.text)
		}
	}
	// Understand over the whole corpus is tens of seconds of CPU under
	// -race (the regexps are instrumented): shards spread it over the
	// cores, which are otherwise idle while this package runs last.
	var n atomic.Int64
	inShards(t, corpusShards(), len(texts), func(t *testing.T, _ int, owned []int) {
		for _, i := range owned {
			u, err := intent.Understand(texts[i], intent.Options{Now: corpusClock})
			if err != nil || u.Kind != intent.Legal {
				continue
			}
			n.Add(1)
			if !intent.MayBeLegal(texts[i]) {
				t.Errorf("%q: read as a legal question, but a stranger's copy would be refused unread", texts[i])
			}
		}
	})
	if n.Load() == 0 {
		t.Fatal("no legal question in the corpus: the check proves nothing")
	}
	t.Logf("%d legal questions in the corpus, all kept by the prefilter", n.Load())
}
