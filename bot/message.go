package bot

import "time"

// Message is one inbound message or event, as decoded from a WeCom callback.
type Message struct {
	// ID identifies the message for deduplication: the MsgId of a message,
	// or FromUserName+CreateTime (+event details) of an event.
	ID string `json:"id"`
	// Type is the WeCom MsgType: "text", "event", "image"...
	Type string `json:"type"`
	// Event is the lower-cased event name for Type "event": enter_agent,
	// click, template_card_event.
	Event string `json:"event,omitempty"`
	// From is the sender's WeCom userid.
	From string `json:"from"`
	// Text is the content of a text message.
	Text string `json:"text,omitempty"`
	// EventKey is a menu item's or a card button's key.
	EventKey string `json:"event_key,omitempty"`
	// TaskID and CardType identify the template card a click came from.
	TaskID   string `json:"task_id,omitempty"`
	CardType string `json:"card_type,omitempty"`
	// ResponseCode lets the app update the clicked card once, within 72 h.
	ResponseCode string    `json:"response_code,omitempty"`
	AgentID      int       `json:"agent_id,omitempty"`
	CreateTime   time.Time `json:"create_time"`
	// ReceivedAt is when casebot took the callback.
	ReceivedAt time.Time `json:"received_at"`
}

// Event names, lower-cased as WeCom sends them.
const (
	EventEnterAgent   = "enter_agent"
	EventClick        = "click"
	EventTemplateCard = "template_card_event"
)

// MsgType is the type of an outbound message.
type MsgType string

const (
	MsgText         MsgType = "text"
	MsgMarkdown     MsgType = "markdown"
	MsgTextCard     MsgType = "textcard"
	MsgTemplateCard MsgType = "template_card"
	MsgImage        MsgType = "image"
	// MsgFile is a file message: the file is uploaded (media/upload
	// type=file) and sent by its media_id, shown with its name.
	MsgFile MsgType = "file"
)

// Outbound is one push: to users (ToUsers) or to an app group chat (ToChat).
// Long text and markdown are split by the sender, in order.
type Outbound struct {
	ToUsers  []string      `json:"to_users,omitempty"`
	ToChat   string        `json:"to_chat,omitempty"`
	Type     MsgType       `json:"type"`
	Text     string        `json:"text,omitempty"` // text or markdown content
	TextCard *TextCard     `json:"textcard,omitempty"`
	Card     *TemplateCard `json:"template_card,omitempty"`
	Image    *Image        `json:"image,omitempty"`
	File     *File         `json:"file,omitempty"`
}

// Text returns a text push to users.
func Text(text string, to ...string) Outbound {
	return Outbound{ToUsers: to, Type: MsgText, Text: text}
}

// Markdown returns a markdown push to users.
func Markdown(md string, to ...string) Outbound {
	return Outbound{ToUsers: to, Type: MsgMarkdown, Text: md}
}

// TextCard is WeCom's textcard message.
type TextCard struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	BtnTxt      string `json:"btntxt,omitempty"`
}

// TemplateCard is WeCom's template_card message; casebot uses the
// button_interaction type for reminders that ask for an answer. Field names
// follow the WeCom API so the struct is sent as is.
type TemplateCard struct {
	CardType              string       `json:"card_type"`
	Source                *CardSource  `json:"source,omitempty"`
	MainTitle             CardTitle    `json:"main_title"`
	EmphasisContent       *CardTitle   `json:"emphasis_content,omitempty"`
	QuoteArea             *CardQuote   `json:"quote_area,omitempty"`
	SubTitleText          string       `json:"sub_title_text,omitempty"`
	HorizontalContentList []CardField  `json:"horizontal_content_list,omitempty"`
	TaskID                string       `json:"task_id,omitempty"`
	ButtonList            []CardButton `json:"button_list,omitempty"`
	// ReplaceText is shown instead of the buttons once the card is settled
	// (used with update_template_card).
	ReplaceText string `json:"replace_text,omitempty"`
}

// CardSource is the small line at the top of a card.
type CardSource struct {
	Desc      string `json:"desc,omitempty"`
	DescColor int    `json:"desc_color,omitempty"`
}

// CardTitle is a title with an optional description.
type CardTitle struct {
	Title string `json:"title,omitempty"`
	Desc  string `json:"desc,omitempty"`
}

// CardQuote is a quoted block.
type CardQuote struct {
	// Type 1 with URL opens the address when the quote is tapped.
	Type      int    `json:"type,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	QuoteText string `json:"quote_text,omitempty"`
}

// CardQuoteURL is the CardQuote type that opens URL when tapped.
const CardQuoteURL = 1

// CardField is one key/value line of a card. With Type CardFieldMember and
// UserID set, tapping the line opens that member's profile (to call them).
type CardField struct {
	Type    int    `json:"type,omitempty"`
	KeyName string `json:"keyname"`
	Value   string `json:"value,omitempty"`
	UserID  string `json:"userid,omitempty"`
}

// CardFieldMember is the CardField type that links to a member's profile.
const CardFieldMember = 3

// CardButton is a button of a button_interaction card. Key comes back as
// the click event's EventKey.
type CardButton struct {
	Text  string `json:"text"`
	Style int    `json:"style,omitempty"` // 1 blue, 2 grey, 3 red, 4 light blue
	Key   string `json:"key"`
}

// Image is a picture to upload (media/upload) and send.
type Image struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// File is a document to upload (media/upload type=file) and send as a
// file message. Name is what the recipient sees, extension included.
type File struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// FileMessage returns a file push to users.
func FileMessage(name string, data []byte, to ...string) Outbound {
	return Outbound{ToUsers: to, Type: MsgFile, File: &File{Name: name, Data: data}}
}

// Receipt is what WeCom answered for an accepted push.
type Receipt struct {
	MsgIDs []string `json:"msgids,omitempty"` // one per part
	// ResponseCode is returned for button cards; it allows one update.
	ResponseCode string `json:"response_code,omitempty"`
	// Invalid lists recipients WeCom did not deliver to (invaliduser).
	Invalid []string `json:"invalid,omitempty"`
	// Already says nothing was sent now: the push was accepted before
	// under its push id (bot/sendlog), and the receipt is the one recorded.
	Already bool `json:"already,omitempty"`
}
