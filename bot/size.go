package bot

import "fmt"

// HumanBytes writes a file size for people (36.0 MB, 512 KB, 300 字节):
// the one form every size limit and refusal uses.
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
