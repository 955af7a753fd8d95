package config

import "fmt"

// Explain configures the decisions behind 以案说法 drafts and their
// publication.
type Explain struct {
	// MaxDocumentBytes caps the size of a decision file that may be
	// attached. If unset, 10 MB: far above a text decision (a 30-page PDF
	// is under 1 MB), below a phone scan.
	MaxDocumentBytes int64 `mapstructure:"max_document_bytes"`
	// Source is who the 来源 line of an exported article names, e.g.
	// "某县司法局". If unset, bulletin.issuer.
	Source string `mapstructure:"source"`
}

// DefaultExplain is the explain section of Default().
func DefaultExplain() Explain { return Explain{MaxDocumentBytes: 10 << 20} }

func (e Explain) validate() error {
	if e.MaxDocumentBytes < 64<<10 {
		return fmt.Errorf("配置 explain.max_document_bytes 至少为 65536（64 KB），当前为 %d", e.MaxDocumentBytes)
	}
	return nil
}

// MinInputChars is the least llm.max_input_chars may be: the prompt's
// instructions and case fields take about 1,500 characters, and the
// decision's 本院认为 and 主文 need room besides.
const MinInputChars = 4000
