package wecom

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"casebot/bot"
)

// envelope is the outer XML of a POST callback. AgentID is CDATA text.
type envelope struct {
	ToUserName string `xml:"ToUserName"`
	AgentID    string `xml:"AgentID"`
	Encrypt    string `xml:"Encrypt"`
}

// inbound is the decrypted XML of a message or event (WeCom 接收消息 and
// 接收事件). MsgId is a 64-bit integer: it is kept as text.
type inbound struct {
	ToUserName   string `xml:"ToUserName"`
	FromUserName string `xml:"FromUserName"`
	CreateTime   string `xml:"CreateTime"`
	MsgType      string `xml:"MsgType"`
	Content      string `xml:"Content"`
	MsgID        string `xml:"MsgId"`
	AgentID      string `xml:"AgentID"`
	Event        string `xml:"Event"`
	EventKey     string `xml:"EventKey"`
	TaskID       string `xml:"TaskId"`
	CardType     string `xml:"CardType"`
	ResponseCode string `xml:"ResponseCode"`
}

// handledEvents are the events casebot acts on; other events and message
// types are acknowledged and ignored.
var handledEvents = map[string]bool{
	bot.EventEnterAgent:   true,
	bot.EventClick:        true,
	bot.EventTemplateCard: true,
}

// errMalformed is a decrypted payload that is not a WeCom message.
var errMalformed = errors.New("wecom: malformed message")

// decodeMessage turns decrypted callback XML into a Message. It returns
// (nil, nil) for a well-formed message of a type casebot ignores.
func decodeMessage(plain []byte, received time.Time) (*bot.Message, error) {
	var in inbound
	if err := xml.Unmarshal(plain, &in); err != nil {
		return nil, fmt.Errorf("%w: %v", errMalformed, err)
	}
	in.MsgType = strings.ToLower(strings.TrimSpace(in.MsgType))
	in.FromUserName = strings.TrimSpace(in.FromUserName)
	if in.MsgType == "" || in.FromUserName == "" {
		return nil, fmt.Errorf("%w: no MsgType or FromUserName", errMalformed)
	}
	secs, err := strconv.ParseInt(strings.TrimSpace(in.CreateTime), 10, 64)
	if err != nil {
		return nil, fmt.Errorf("%w: CreateTime %q", errMalformed, in.CreateTime)
	}
	msg := &bot.Message{
		Type:       in.MsgType,
		From:       in.FromUserName,
		CreateTime: time.Unix(secs, 0),
		ReceivedAt: received,
	}
	if a := strings.TrimSpace(in.AgentID); a != "" {
		if msg.AgentID, err = strconv.Atoi(a); err != nil {
			return nil, fmt.Errorf("%w: AgentID %q", errMalformed, in.AgentID)
		}
	}
	switch msg.Type {
	case "text":
		id := strings.TrimSpace(in.MsgID)
		if _, err := strconv.ParseUint(id, 10, 64); err != nil {
			return nil, fmt.Errorf("%w: MsgId %q", errMalformed, in.MsgID)
		}
		msg.ID = "msg:" + id
		msg.Text = in.Content
	case "event":
		// WeCom writes event names in lower case (click), the Official
		// Account platform in upper case (CLICK): compare without case.
		msg.Event = strings.ToLower(strings.TrimSpace(in.Event))
		if !handledEvents[msg.Event] {
			return nil, nil
		}
		msg.EventKey = in.EventKey
		msg.TaskID = in.TaskID
		msg.CardType = in.CardType
		msg.ResponseCode = in.ResponseCode
		msg.ID = eventID(msg)
	default:
		return nil, nil
	}
	return msg, nil
}

// eventID is the dedupe id of an event: FromUserName and CreateTime, as
// WeCom recommends, plus a digest of what was clicked, so two different
// buttons pressed within one second are two events.
func eventID(m *bot.Message) string {
	h := sha1.Sum([]byte(m.Event + "\x00" + m.EventKey + "\x00" + m.TaskID))
	return "evt:" + m.From + ":" + strconv.FormatInt(m.CreateTime.Unix(), 10) + ":" + hex.EncodeToString(h[:8])
}
