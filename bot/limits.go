package bot

import "time"

// WeCom limits (see shared/WECOM.md §3). They live here, in one place, so
// the sender, the splitter and the tests agree.
const (
	// MaxTextBytes is the byte limit of text and markdown content of app
	// messages; longer content is truncated by WeCom, so we split below it.
	MaxTextBytes = 2048
	// MaxCallbackBody is the largest callback body accepted (413 above).
	MaxCallbackBody = 64 << 10
	// PerUserPerMinute and PerUserPerHour are WeCom's per-member limits;
	// excess messages are silently dropped by WeCom, so we queue instead.
	PerUserPerMinute = 30
	PerUserPerHour   = 1000
	// MaxRecipients is the most users one push may name (touser).
	MaxRecipients = 1000
	// MaxCardButtons is the button limit of a button_interaction card.
	MaxCardButtons = 6
	// MaxTaskIDBytes is the length limit of a template card task_id.
	MaxTaskIDBytes = 128
	// ResponseCodeTTL is how long a click's response_code can be used.
	ResponseCodeTTL = 72 * time.Hour
	// CallbackDeadline is how long WeCom waits for an answer before retrying.
	CallbackDeadline = 5 * time.Second
	// MaxFileBytes is the size limit of a file sent as a file message
	// (media/upload type=file: 20 MB); MinMediaBytes is the least any
	// uploaded media may hold (WeCom: "所有文件size必须大于5个字节").
	MaxFileBytes  = 20 << 20
	MinMediaBytes = 6
	// AwaitTTL is how long the bot waits for the answer to a question it
	// asked (who replaces the head, why one cannot appear...).
	AwaitTTL = 30 * time.Minute
)
