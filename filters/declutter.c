/*
 * declutter - keep the article, drop the page furniture.
 *
 * Record model: a line, as lib/lineio gives it; each FILE operand is one
 * document (a page).  For every line declutter decides: content (the
 * headline, standfirst, paragraphs, sub-headings and lists of the story)
 * or furniture of one category (ad, paywall, account, newsletter, share,
 * comments, nav, related, media, legal, meta, label).
 *
 * The decision uses, in this order:
 *  - rules by category (built-in and from -r files), compiled once: rules
 *    that start with literal words are found through a prefix trie over
 *    the line's first bytes and tried alone; rules that start with a class
 *    are joined into one alternation per pair of first bytes (a marker
 *    group "()" ending each alternative tells which rule hit); contains
 *    rules are tried only on lines holding their literal text, found
 *    four bytes at a time through a bloom filter;
 *  - repetition: a line seen before in the document (fingerprint set) and,
 *    with --learn, a line found in many documents of the run;
 *  - line features: words, stopwords, terminal punctuation, capitals and
 *    digits, which say whether the line reads as prose;
 *  - context in a window of lines before and after: a short line between
 *    paragraphs is a sub-heading, between furniture it is furniture; the
 *    headline is the last headline-like line before the first paragraph;
 *    end markers ("Most viewed", "Comments") end the story.
 *
 * Lines wait in a ring of WINDOW slots until their lookahead is read, so
 * memory is bounded by the window (plus the capped fingerprint sets) and
 * output order is input order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "color.h"
#include "hash.h"
#include "inputs.h"
#include "lineio.h"
#include "output.h"
#include "prog.h"
#include "rx.h"
#include "scan.h"
#include "xalloc.h"

/* The categories; CAT_CONTENT is what a reader came for. */
enum category {
	CAT_CONTENT,
	CAT_AD,
	CAT_PAYWALL,
	CAT_ACCOUNT,
	CAT_NEWSLETTER,
	CAT_SHARE,
	CAT_COMMENTS,
	CAT_NAV,
	CAT_RELATED,
	CAT_MEDIA,
	CAT_LEGAL,
	CAT_META,
	CAT_LABEL,
	NCAT
};

static const char *const cat_names[NCAT] = {"content", "ad", "paywall",
    "account", "newsletter", "share", "comments", "nav", "related", "media",
    "legal", "meta", "label"};

/*
 * The built-in rules, one rule-file line per string: `declutter
 * --list-rules` prints them, and "rule:builtin:N" in --explain names line N.
 */
/* clang-format off */
static const char *const builtin_rules[] = {
	"# declutter built-in rules: CATEGORY KIND[,FLAGS] PCRE (caseless).",
	"# KIND: line = the whole line (at most 200 bytes); start = a prefix; any =",
	"# anywhere in a line of at most 240 bytes.  FLAGS: end = an end-of-article",
	"# marker; weak = inside a run of furniture the line takes the category of",
	"# the line before it.  See declutter(1).",
	"#",
	"# ad: ad slots and their placeholders",
	"ad line (?:advertisements?|advertising|advert|ad|ads|ad slot|sponsored|promoted|paid (?:post|content|partnership)|partner content|sponsored (?:content|post|links?|stories)|promoted (?:content|stories|links?))(?:\\s*[-:–—#]?\\s*[0-9]{1,3})?",
	"ad start this (?:advertisement|ad) has not loaded",
	"ad line (?:the )?(?:story|article|content|text) continues (?:below|after)(?: (?:this|the))?(?: (?:advertisement|ad|advert|video))?\\.?",
	"ad line (?:(?:sponsored|promoted) (?:links|stories|content) )?by (?:taboola|outbrain|revcontent)|(?:advertiser content|paid content|advertise with us|ad ?choices|ad feedback|remove ads|skip ad|close ad|report (?:this )?ad|why this ad\\??|scroll (?:down )?to continue(?: with content| reading)?|continue reading (?:the main story|below)|advertisement feature|supported by|presented by|in partnership with .{1,40})",
	"ad line (?:skip )?advertisements?(?:\\s*[·|:–—-]\\s*.{0,40})?",
	"ad line [$£€][0-9][0-9.,]*|(?:view|buy|shop|check|see)(?: it| price| deal)? (?:at|on) \\p{Lu}.{1,30}|check \\p{Lu}[^\\s]{1,30}|(?:see|view) (?:all )?(?:deals|prices)",
	"ad any shop (?:the|our|now)\\b.{0,30}$|\\bbuy now\\b|\\border (?:now|today)\\b",
	"ad start shop (?:the|our|now|all|today['’]s)\\b|(?:(?:today['’]s|top|best|the best) )+(?:[\\w’'-]+ ){0,4}deals?\\b|deal of the day|\\bsponsored by\\b",
	"# paywall: subscription pitches and meters",
	"paywall start (?:this (?:content|article|story) is )?(?:reserved|available|exclusive|only available) (?:only )?(?:for|to) (?:paying )?(?:subscribers|members|premium)",
	"paywall start subscribe (?:now|today|for|from|to|and)\\b|enjoy(?:ing|ed)? (?:this|our|the) (?:story|article|journalism|reporting|long read)s?\\b.{0,30}\\?",
	"paywall line (?:subscribe|subscribers? only|subscriber exclusive|premium|exclusive to subscribers|for subscribers|members only|unlock (?:this )?(?:article|story))",
	"paywall any reached (?:your|the) (?:[\\w-]+ ){0,3}limit|used up (?:your|all)|of your free articles",
	"paywall any articles? left|articles? remaining|stories left|stories remaining",
	"paywall any cancel (?:any ?time|at any time)|checking your access|once your subscription|start (?:your|a) (?:free )?trial|free trial|subscribe now\\.?$|your subscription (?:supports|helps|makes)|readers (?:like you )?(?:chip in|donate|support us)|will you (?:chip in|donate|give|help|support us)\\b",
	"paywall start (?:support|fund|power) (?:our|independent|quality|local) (?:journalism|reporting|newsroom)",
	"paywall start (?:become a|join as a|join our) (?:subscriber|member|supporter|paying)",
	"paywall start (?:to (?:continue|keep) reading|to read (?:this|the full|more)),? (?:this (?:article|story),? )?(?:please )?(?:subscribe|become|log|sign|register)",
	"paywall start (?:try|get|gain|enjoy) (?:unlimited|full|digital|complete|instant) (?:digital )?access",
	"paywall start,weak unlimited (?:digital |online |web )?access",
	"paywall any,weak \\be-?paper\\b|\\belectronic replica\\b",
	"paywall start,weak daily puzzles|(?:exclusive|premium|subscriber-only) (?:articles|content|stories|newsletters|reporting) (?:from|by)",
	"paywall start,weak enjoy (?:additional|more|unlimited|extra) (?:articles|stories|content)",
	"paywall start,weak access (?:articles|content|stories|news) from",
	"paywall start already (?:a )?(?:subscriber|member|paid)\\??\\s*(?:log|sign)",
	"paywall start (?:only|just|from|yes,? i['’]ll give|give|pay|then) [$£€][0-9.,]+ ?(?:/ ?|a |per |for (?:your |the )?(?:first )?(?:[0-9]+ )?)(?:weeks?|months?|years?|mo|yr)\\b",
	"paywall start [$£€][0-9.,]+ ?(?:/ ?|a |per |for (?:your |the )?(?:first )?(?:[0-9]+ )?)(?:weeks?|months?|years?|mo|yr)\\b|[$£€][0-9.,]+ (?:could|can|will) (?:provide|pay|buy|help|fund|feed|give)",
	"paywall any (?:special|limited[- ]time|introductory) offer\\b|per (?:week|month) for (?:the first|[0-9])",
	"paywall any articles this month:? [0-9]|you['’]ve read [0-9]+ (?:free )?(?:articles?|stories)|you have read [0-9]+ (?:free )?(?:articles?|stories)",
	"paywall line (?:one-time|monthly|annual|yearly|weekly|donate(?: now)?|give (?:now|monthly|once)|support us|contribute)",
	"paywall start (?:help us keep|support (?:us|our work|independent)|donate (?:now|today)|make a (?:donation|contribution))\\b",
	"paywall start,weak (?:continue reading|read the full (?:article|story)) (?:with|for) (?:a |just )",
	"# newsletter: sign-up boxes and confirmations",
	"newsletter start sign[ -]?up (?:for|to) (?:our|the|my|a|daily|weekly|free)?\\s*(?:[\\w’'-]+ ){0,5}(?:newsletters?|briefings?|emails?|alerts?|digest|updates)",
	"newsletter start sign[ -]?up to (?:receive|get)",
	"newsletter start (?:get|receive|subscribe to) (?:our|the|a) (?:[\\w’'-]+ ){0,4}(?:newsletters?|briefing|digest)",
	"newsletter line (?:newsletters?|newsletter sign[ -]?up|(?:daily|weekly|morning|evening|free) (?:newsletter|briefing|digest|email)s?)",
	"newsletter any by (?:signing up|subscribing|clicking (?:sign up|subscribe)),? you (?:agree|consent|acknowledge|accept|will receive)",
	"newsletter any for signing up|for subscribing|(?:you['’]re|you are) (?:all |now )?signed up|(?:you['’]re|you are) (?:all |now )?subscribed\\b",
	"newsletter any welcome email|(?:junk|spam) folder|(?:will soon be )?in your inbox|straight to your inbox|delivered (?:straight |directly |right )?to your inbox",
	"newsletter any (?:issue|error|problem) signing you up|something went wrong|please try again|(?:enter|provide|valid) (?:your |a )?(?:valid )?email(?: address)?",
	"newsletter line stay in touch|keep in touch|stay (?:informed|updated|connected)|(?:type|enter) your email.{0,10}|(?:your )?e-?mail address:?|your e-?mail:?|sign[ -]?up|subscribe to newsletter",
	"newsletter start get the latest (?:headlines|news|updates|stories)(?: and| from| delivered|,|$)|get (?:[\\w’'-]+ ){0,12}(?:in|with|from) our (?:[\\w’'-]+ ){0,4}(?:newsletter|email|briefing)",
	"newsletter start,weak get email updates",
	"newsletter any unsubscribe (?:at )?any ?time|you (?:may|can) unsubscribe|(?:get|receive|join|subscribe to) (?:[\\w’'-]+ ){0,6}newsletters?\\b|(?:get|receive|join) (?:[\\w’'-]+ ){0,6}mailing list\\b|get (?:this|it|them|more [\\w ]{1,30}) (?:delivered )?(?:to|in) your inbox",
	"# account: log-in and registration prompts",
	"account line (?:register|sign[ -]?in|log[ -]?in|sign[ -]?up|create (?:an|a free|your) account|my account|sign[ -]?out|log[ -]?out|account|profile)(?:\\s*(?:or|/|and|&|\\|)\\s*(?:register|sign[ -]?in|log[ -]?in|sign[ -]?up|create (?:an|a free|your) account|subscribe))*(?: (?:to|for|with) [^.]{0,80})?[.!]?",
	"account any create (?:an|a free|your) account|(?:sign|log)[ -]?in if you (?:already )?have an account|by registering for free|register(?:ing)? for free|register now",
	"account any register to (?:unlock|continue|read|comment|save|keep reading|access|join)|sign[ -]?in to (?:unlock|continue|read|comment|save|keep reading|access|join)|sign[ -]?up to (?:unlock|continue|read|comment|save|keep reading|access|join)|login to (?:unlock|continue|read|comment|keep|access|join)",
	"account any already have an account|don['’]t have an account|forgot (?:your )?password|not a (?:subscriber|member)\\?|(?:already )?(?:a )?registered user",
	"account start already (?:a )?(?:subscriber|member)\\??",
	"account any saved (?:stories|articles|items)|your (?:saved|reading) list|my profile|your profile|my account|my saved\\b",
	"# share: share rows and follow prompts",
	"share line (?:(?:share|tweet|email|e-mail|print|copy(?: link)?|link|whatsapp|facebook|twitter|x|linkedin|reddit|pinterest|flipboard|telegram|messenger|pocket|threads|bluesky|sms|text)[\\s,|·•/]*){2,}",
	"share line (?:share|post|repost|tweet|print|e-?mail|copy link|save this (?:article|story|post)|link copied|copied|save|saved|bookmark|save (?:article|story|for later)|gift (?:this )?(?:article|story)|share (?:full )?(?:this )?(?:article|story|page|post|link)|share (?:this |it )?(?:(?:story|article|post) )?(?:on|via|to|with) [\\w ]{1,20}|share this:?|shares?|email this (?:article|story))",
	"share line [0-9,.]+k? shares?",
	"share line (?:share (?:on|via|to) )?(?:facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|flipboard|telegram|messenger|threads|bluesky|mastodon|instagram|tiktok|youtube|sms|text message)",
	"share line share (?:this )?(?:article|story)? ?(?:in|on|with) your (?:social )?(?:network|networks|friends|followers).*",
	"share line resize|(?:normal|larger?|small(?:er)?|very large|default|increase|decrease|reset)? ?(?:text|font) size|a-? ?a\\+|print (?:this )?(?:article|story|page)",
	"share line follow(?: us)?(?: \\p{Lu}[\\w.'’-]+(?: \\p{Lu}[\\w.'’-]+){0,2})?",
	"share any (?:follow|like|find) us on (?:twitter|facebook|instagram|x|linkedin|tiktok|threads|bluesky|youtube|social media)",
	"share start,weak share your (?:thoughts|views|story|comments)",
	"# comments: comment sections",
	"comments line,end (?:comments? \\(?[0-9,]+\\)?|(?:view|show|hide) comments)",
	"comments line,end [0-9,]+ (?:comments?|responses?|replies)(?: to .{0,80})?",
	"comments line [0-9,]+ (?:likes?|upvotes?)",
	"comments line,end (?:comments?|(?:load|see|read|view) (?:all |the )?(?:[0-9]+ )?comments|join the (?:conversation|discussion)|leave a (?:reply|comment)|post a comment|add (?:a|your) comment|reader comments|conversation|discussion|what do you think\\?)",
	"comments any your email address will not be published|required fields are marked|save my name, email|notify me of (?:new|follow-up)|be the first to comment|comments? (?:are|have been) (?:closed|disabled|moderated)|(?:log|sign)[ -]?in to comment|(?:log|sign)[ -]?in to reply",
	"comments line (?:reply|replies|report(?: abuse| comment)?|recommend|upvote|downvote|load more comments|view more (?:comments|replies)|show (?:more )?replies|like|flag)",
	"# nav: menus, skip links, breadcrumbs, section lists",
	"nav line (?:skip to (?:main )?(?:content|navigation|search|footer)|skip navigation|jump to (?:content|navigation|main content)|(?:main )?menu|search|home|homepage|back to top|go to top|top of page|close|open menu|toggle navigation|navigation|more|next|previous|prev|next (?:article|story|page)|previous (?:article|story|page)|load more|see more|show more|view all|see all|sitemap|site map|sections?|all sections|quick links|edition|(?:u\\.?s\\.?|uk|international|world|europe|asia|australia|canada|india) edition)",
	"nav line (?:home|news)\\s*[>›»/|]\\s*[^>›»/|]{1,40}(?:\\s*[>›»/|]\\s*[^>›»/|]{1,40}){0,5}",
	"nav start (?:filed under|topics?|tags?|categories|category|keywords|related topics|more on)\\s*:",
	"nav line [0-9]{1,3}(?: of [0-9]{1,3})?|[<>«»‹›]+|[‹«<] ?(?:prev|previous)",
	"nav line page [0-9]{1,3}(?: of [0-9]{1,3})?|next ?[›»>]|continue reading|read (?:the )?full (?:article|story)|show (?:more|less)|see more",
	"nav line back to .{1,40}|learn more|find out more|get in touch(?: with us| with our newsroom)?|submit a (?:news )?tip|(?:send|share) (?:us )?(?:a|your) (?:news )?tips?",
	"nav line (?:download|get) (?:the|our) .{1,40} app|open in (?:the )?app|enable (?:push )?notifications|turn on notifications",
	"# related: links to other stories; the ones marked end close the article",
	"related line,end (?:read|see|watch) next|what to read next|up next to read|most (?:viewed|read|popular|shared|commented|emailed|watched|recent)(?: (?:stories|articles|news|today|this week))?|trending(?: now| stories| articles| news| topics)?|popular (?:now|stories|articles|today)|recommended(?: for you| stories| reading| videos| articles)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|related (?:stories|articles|content|coverage|news|reading|posts|links|videos)|more (?:from|on|in) .{1,50}|more (?:stories|news|articles|coverage|top stories|like this|to explore|for you)|(?:don['’]t|do not) miss|editor['’]?s (?:picks?|choice)|around the web|from (?:our|the) (?:partners|web|network)|in case you missed it|elsewhere on .{1,40}|latest (?:news|stories|headlines|videos)|further reading|top picks|must reads?|more \\p{Lu}[\\w’'-]*(?: (?:&|and) \\p{Lu}[\\w’'-]*)?(?: \\p{Lu}[\\w’'-]*)?(?: stories| news)?",
	"related start download (?:the )?(?:full )?(?:report|pdf|document|guide)",
	"related any \\(pdf[,)]|\\(docx?[,)]|\\(xlsx?[,)]",
	"related line up next|related|read more|see also|also read|read also|more|related articles?|keep reading",
	"related start (?:read more|related|see also|also read|read also|more|recommended|keep reading|related coverage|related stories?|also on [\\w ]+)\\s*[:|»›>]",
	"# media: players, galleries, captions and credits",
	"media line listen to (?:this|the) (?:article|story|episode|podcast)(?:.{0,40})?|listen now|play(?: video| audio| now)|pause|watch (?:now|video)|replay|mute|unmute|(?:video|audio|podcast|gallery|photos?|images?) ?[0-9]+ ?(?:of|/) ?[0-9]+|(?:image|photo|slide|item|picture|video) [0-9]+ (?:of|/) [0-9]+|expand|enlarge(?: this image)?|(?:toggle|hide|show) caption|view (?:image|gallery|photos|slideshow)|loading video|video unavailable|play video|click to play|tap to (?:play|unmute)",
	"media line [0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?: ?(?:min|mins|minutes))?(?:\\s*[-–—|·]\\s*.{1,40})?|[0-9]+ (?:photos|images|videos)|[0-9]+ (?:min|mins|minutes?|sec|seconds?) listen",
	"media start (?:photo|image|picture|video|graphic|illustration|photograph|file photo|caption|source|credit)(?: credit)?s? *[:©|]|item [0-9]+ of [0-9]+|\\[[0-9]+ ?/ ?[0-9]+\\]",
	"media start [0-9]+ (?:of|/) [0-9]+ ?\\|",
	"media start video ad\\b|(?:photo|image|picture|illustration|photograph)s?(?: by| courtesy(?: of)?| via)\\b|image (?:source|caption),|media caption,?|watch:|watch live",
	"media line \\(?[0-9]+ ?(?:min|mins|minutes|sec|secs|seconds)\\)?",
	"media any (?:getty images|shutterstock|alamy stock photo|alamy|istockphoto|istock|epa-efe|imago images|picture alliance)\\.?$",
	"media line ap photo(?:/.{1,40})?|now playing|(?:video|audio) (?:player|unavailable)",
	"media line (?:we apologi[sz]e, but )?this video (?:has failed to load|is (?:not |no longer |un)available).*|(?:this|the) video (?:player )?(?:is )?loading.*|your browser does not support .{0,40}",
	"media any \\((?:ap |afp |file |pool )?photo ?/ ?[^)]{1,80}\\)\\.?$|\\((?:reuters|getty images?|bloomberg|shutterstock|xinhua)(?:\\s*/\\s*[^)]{1,80})?\\)\\.?$",
	"media any (?:photograph|photo|picture|image|illustration)(?: by)?: \\p{Lu}[^.]{2,60}$",
	"media any (?:/|\\||\\bvia\\b|credit:?|photo:?|©)\\s*(?:getty images|reuters|shutterstock|istock(?:photo)?|alamy|bloomberg|the associated press)(?: via [\\w ]+)?\\.?$",
	"media line (?:photo|image|picture|credit|\\(c\\))[: ]+.{0,60}",
	"media line ©\\s*+(?![0-9]).{0,60}",
	"# legal: copyright, cookies, terms",
	"legal start (?:copyright|\\(c\\))(?:\\s*(?:©|\\(c\\)))?\\s*(?:[0-9]{4}|the\\b|by\\b|\\p{Lu})",
	"legal start ©\\s*(?:[0-9]{4}|the\\b|by\\b|\\p{Lu})",
	"legal start (?:affiliate |editorial )?disclosure\\s*:|when you (?:buy|purchase|shop|click) (?:something )?(?:through|via|using|on) (?:links|our links|links on)|(?:this|the) (?:post|article|page|story) (?:may )?contains? affiliate|(?:this|the) (?:press )?release (?:contains|includes) forward-looking|forward-looking statements?\\b",
	"legal start \\p{Lu}[\\w'’-]*(?: \\p{Lu}[\\w'’-]*){0,3} is (?:a )?part of \\p{Lu}",
	"legal any affiliate (?:links?|commission|partner)|(?:may )?earn (?:a|an) (?:small )?(?:affiliate )?commission",
	"legal any all rights reserved\\.?$|(?:may not be|cannot be) (?:published|reproduced|broadcast|rewritten|redistributed)|this material may not be",
	"legal start (?:this|our) (?:site|website) uses (?:[\\w-]+ )?cookies|we (?:and our partners )?use cookies|(?:by (?:using|continuing)|if you continue) (?:to (?:use|browse) )?(?:this|our) (?:site|website)",
	"legal line (?:cookie|privacy) (?:settings|policy|preferences|notice|consent)",
	"legal line (?:privacy(?: policy| notice| settings| center| statement)?|terms(?: of (?:use|service|sale))?|terms (?:and|&) conditions|accessibility(?: statement)?|do not sell(?: or share)? my (?:personal )?info(?:rmation)?|your privacy (?:choices|rights)|manage (?:cookies|preferences|consent|cookie settings)|accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|i agree|agree|got it|ok|corrections|code of (?:conduct|ethics)|editorial (?:standards|policy|guidelines)|ethics policy|rss|subscriber agreement|cookie settings|licensing|reprints?(?: (?:&|and) permissions)?|permissions|terms|privacy)",
	"legal start our standards:?|(?:the )?thomson reuters trust principles",
	"# meta: bylines, datelines, dates, read times, sign-offs",
	"meta line (?:written |reported |words |story )?by:?|authors?(?: of (?:the|this) (?:article|story))?:?|(?:staff|senior|chief|special|political|business|foreign|technology|science|health|economics|investigative|contributing) ?(?:writer|reporter|correspondent|editor|columnist)s?",
	"meta line (?:(?:written|reported|words|story|text|photos?|video|interview) )?by\\s+(?:\\p{Lu}[^\\s,;:]*|and|&|de|van|von|der|la|le|da|di|bin|al|el)(?:,?\\s+(?:\\p{Lu}[^\\s,;:]*|and|&|de|van|von|der|la|le|da|di|bin|al|el|in|for|the))*(?:\\s*[,|–—-]\\s*.{0,60})?(?:\\s+\\S+@\\S+)?",
	"meta line (?:\\p{Lu}[^\\s,;:]*,? ){1,3}(?:\\p{Lu}[\\w-]* |(?!(?:to|of|for|and|the|from|with) )[\\w-]+ )?(?:correspondent|reporter|editor|writer|columnist|contributor|journalist|producer|critic)s?(?:,.{0,40})?|(?:[\\w-]+ )?(?:correspondent|reporter|editor|writer|columnist),.{1,40}",
	"meta line (?:the )?(?:associated press|ap|reuters|bloomberg(?: news)?|afp|agence france-presse|cnn(?: wire)?|bbc(?: news)?|dpa|xinhua|kyodo(?: news)?|yonhap|pa media|the canadian press|canadian press|upi|tass|efe|ansa|press association)",
	"meta line (?:published|updated|posted|last updated|last modified|first published|modified|created|date|post date|date posted|release date)(?: on| at)?:?\\s+(?=.{0,40}(?:[0-9]|ago|yesterday|today|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)).{1,90}",
	"meta line (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+[0-9]{1,2}(?:st|nd|rd|th)?,?\\s+[0-9]{4}.{0,50}",
	"meta line (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?[0-9]{1,2}(?:st|nd|rd|th)?\\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?,?\\s+[0-9]{4}.{0,50}",
	"meta line (?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4})(?:[ T,]+.{0,40})?|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday)(?:,? .{0,30}[0-9].{0,20})?",
	"meta line [0-9]{1,2}[:.][0-9]{2}\\s*(?:a\\.?m\\.?|p\\.?m\\.?)?(?:\\s+[a-z]{2,4})?(?:[,\\s]+.{0,40}[0-9]{4}.{0,20})?",
	"meta line (?:about )?[0-9]+\\s*(?:min(?:ute)?s?|hours?|hrs?|m|h)\\.?\\s+(?:read|watch|listen)(?:ing)?(?: time)?|(?:updated |posted |published )?(?:about |around )?[0-9]+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|mins?|hrs?|h|m|d) ago",
	"meta line (?:estimated )?(?:reading|read|listening) time:?\\s+(?:about )?[0-9]+.{0,20}|(?:updated |posted |published )?(?:about |around )?(?:an?|one|two|three) (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|mins?|hrs?) ago|just now",
	"meta any ^.{1,30}\\s[·|•-]\\s(?:about )?(?:[0-9]+|an?|one|two|three) (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|mins?|hrs?|h|m|d) ago$",
	"meta start \\(?(?:reporting|additional reporting|writing|editing|edited|compiled|research|researched|produced|fact-?checked|graphics|illustrations?) by\\b",
	"meta start this (?:article|story|post) (?:was|is|has been|first) (?:originally )?(?:published|produced|republished|reprinted|appeared|written)",
	"meta start (?:a version of )?(?:this|the) (?:article|story|piece) (?:appears|appeared|was printed)|printed in the\\b",
	"meta start \\p{Lu}[\\w'’-]+(?: \\p{Lu}[\\w.'’-]+){1,3} is (?:a|an|the) (?:[\\w-]+ ){0,4}(?:reporter|writer|correspondent|editor|columnist|journalist|contributor|producer|critic)\\b",
	"meta start (?:contact|reach|email|write to|follow) \\p{Lu}[\\w'’-]+(?: \\p{Lu}[\\w'’-]+){0,3} (?:at|on|via|by)\\b|(?:do you have|have you got) (?:more )?(?:information|a tip|tips|a story)",
	"meta any contributed (?:to )?(?:this )?(?:report|story|article)|contact (?:this|the) (?:reporter|author|writer)|(?:will (?:continue to )?(?:be )?update[ds]?|this (?:story|article) (?:will be|is being|has been) updated)|this is a developing story",
	"meta line ends|for immediate release|source:? .{1,60}|(?:media|press) (?:contacts?|enquiries|inquiries)(?: and (?:enquiries|inquiries))?:?",
	"meta line [_*#=~·•-]{3,}|-?30-",
	"meta line,end about \\p{Lu}[\\w&.'’-]*(?: (?:of|and|&|for|the|\\p{Lu}[\\w&.'’-]*)){0,5}",
	"meta start \\p{Lu}[\\w'’-]+(?: \\p{Lu}[\\w'’-]+){0,3} can be (?:reached|contacted|emailed) (?:at|by|on|via)\\b",
	"meta start (?:for (?:media|press) (?:enquiries|inquiries)|(?:investor|media|press)(?: relations)? contacts?:)",
	"meta any is a registered charity|registered charity (?:no|number)",
	"meta line (?:contact|email|e-mail|follow|write to)(?: the)? (?:author|reporter|writer)s?.{0,80}|(?:follow|contact) \\p{Lu}[\\w.'’-]+(?: \\p{Lu}[\\w.'’-]+){0,3} (?:on|at) .{1,40}",
	"# label: words a page prints around the story",
	"label line article content|(?:story|article) (?:text|body|content|continues)|please enable javascript.*|javascript (?:is )?(?:disabled|required).*|this content is not available.*",
	"nav line exclusive|breaking(?: news)?|live(?: updates)?|developing(?: story)?|opinion|analysis|explainer|factbox|fact ?check|editorial|just in|contact(?: us)?|about(?: us)?|careers|advertise|help|faq|corrections|rss|sitemap|site map|archives?",
	NULL
};
/* clang-format on */

/* How a rule matches a line. */
enum rule_kind {
	KIND_LINE,  /* the whole line, white space around it ignored */
	KIND_START, /* a prefix of the line */
	KIND_ANY    /* anywhere in a line of at most ANY_MAX bytes */
};

struct rule {
	const char *file;     /* "builtin" or the -r operand */
	unsigned long lineno; /* its line in that file */
	char *text;           /* the rule line as written, for --list-rules */
	char *why;            /* "rule:FILE:LINE", tabs replaced */
	unsigned groups;      /* capturing groups of its pattern */
	struct rx *rx;        /* contains rules: compiled alone */
	struct rx *arx;       /* literal-led rules: compiled alone,
			       * anchored, on first use */
	int generic;          /* no literal prefix: use the buckets */
	int gated;            /* generic, but found through its grams */
	unsigned char cat, kind, end, weak;
	struct byteset {
		uint64_t w[4];
	} first;               /* bytes a match can start with */
	struct byteset second; /* bytes that can come second */
};

/*
 * Tunables.  Contains rules describe short furniture; past ANY_MAX bytes a
 * line that merely mentions the words is prose.  A line longer than
 * COPY_MAX is not copied into the window: it is decided at once.
 */
#define ANY_MAX 240
#define LINE_RULE_MAX 200 /* longer lines: prefix rules only */
#define GRAM_LONG 40      /* grams looked for in a longer line */
#define COPY_MAX (1u << 20)
#define BEHIND 14 /* decided lines kept for context */
#define AHEAD 48  /* lines read before the oldest is decided */
#define WINDOW 64 /* ring size: a power of two > BEHIND + AHEAD */
_Static_assert(WINDOW > BEHIND + AHEAD && (WINDOW & (WINDOW - 1)) == 0,
    "the ring must hold the lines behind and ahead of the one decided");
#define SCAN_MAX 160         /* a longer line is sampled ... */
#define SCAN_LONG 56         /* ... by its first SCAN_LONG bytes */
#define SEEN_CAP (1u << 15)  /* fingerprint slots per document, at most */
#define LEARN_CAP (1u << 21) /* fingerprint slots for --learn, at most */
/* The 64-byte masks of a word scan. */
#define SCAN_CHUNKS ((SCAN_MAX + 63) / 64)

static struct {
	int keep[NCAT];       /* 1: a kept category (content always) */
	int invert;           /* -v */
	int explain;          /* --explain */
	int mark;             /* --mark */
	int list_rules;       /* --list-rules */
	int no_default_rules; /* --no-default-rules */
	int learn;            /* -1 auto, 0 no, 1 yes */
	const char **rule_files;
	size_t nrule_files;
} opt;

static const struct cli_option options[] = {
    {'r', "rules", CLI_REQUIRED, "FILE",
	"add the rules in FILE (repeatable; format in declutter(1))"},
    {CLI_OWN + 0, "no-default-rules", CLI_NOARG, NULL,
	"do not use the built-in rules"},
    {CLI_OWN + 1, "keep", CLI_REQUIRED, "CATS",
	"keep lines of these categories too (comma list)"},
    {'v', "invert", CLI_NOARG, NULL, "print only the dropped lines"},
    {CLI_OWN + 2, "explain", CLI_NOARG, NULL,
	"print every line as V<TAB>CAT<TAB>WHY<TAB>TEXT"},
    {CLI_OWN + 3, "mark", CLI_NOARG, NULL,
	"print every line, dropped ones dimmed and tagged"},
    {CLI_OWN + 4, "list-rules", CLI_NOARG, NULL,
	"print the rules in force and exit"},
    {CLI_OWN + 5, "learn", CLI_NOARG, NULL,
	"drop lines that recur across the FILEs (default with 3+ files)"},
    {CLI_OWN + 6, "no-learn", CLI_NOARG, NULL,
	"do not learn recurring lines across FILEs"},
    {0, NULL, CLI_NOARG, NULL, NULL}};

static void
parse_keep(const char *arg)
{
	const char *p = arg, *e;
	size_t n;
	int c;

	while (*p != '\0') {
		e = strchr(p, ',');
		n = e == NULL ? strlen(p) : (size_t)(e - p);
		for (c = 0; c < NCAT; c++)
			if (strlen(cat_names[c]) == n &&
			    strncmp(cat_names[c], p, n) == 0)
				break;
		if (n > 0 && c == NCAT)
			cli_usage_error(
			    "--keep: unknown category '%.*s' (ad "
			    "paywall account newsletter share comments nav "
			    "related media legal meta label)",
			    (int)n, p);
		if (n > 0)
			opt.keep[c] = 1;
		p += n;
		if (*p == ',')
			p++;
	}
}

static void
handle_option(int code, const char *arg)
{
	switch (code) {
	case 'r':
		opt.rule_files = xreallocarray(opt.rule_files,
		    opt.nrule_files + 1, sizeof(*opt.rule_files));
		opt.rule_files[opt.nrule_files++] = arg;
		break;
	case CLI_OWN + 0:
		opt.no_default_rules = 1;
		break;
	case CLI_OWN + 1:
		parse_keep(arg);
		break;
	case 'v':
		opt.invert = 1;
		break;
	case CLI_OWN + 2:
		opt.explain = 1;
		break;
	case CLI_OWN + 3:
		opt.mark = 1;
		break;
	case CLI_OWN + 4:
		opt.list_rules = 1;
		break;
	case CLI_OWN + 5:
		opt.learn = 1;
		break;
	case CLI_OWN + 6:
		opt.learn = 0;
		break;
	default:
		break;
	}
}

static const struct cli_spec spec = {
    "[-v] [-r FILE]... [--keep=CATS] [--explain | --mark] [FILE]...",
    "Keep the article of a scraped page; drop ads, menus, paywall "
    "pitches and other page furniture.",
    options, 0, handle_option,
    "Categories: ad paywall account newsletter share comments nav related\n"
    "media legal meta label.  Rule file lines: CATEGORY KIND[,FLAGS] PCRE\n"
    "(KIND line, start or any; FLAGS end, weak).  See declutter(1).\n"};

struct bucket {
	size_t *rule;     /* rule indices, in rule order */
	unsigned *marker; /* marker group of each */
	size_t n;
	struct rx *rx; /* NULL until first used */
};

/* ASCII lower-casing as a table, for the gram scan. */
static unsigned char lower_byte[256];

static struct {
	struct rule *v;
	size_t n;
	struct bucket *bucket;
	size_t nbuckets;
	int short_bucket[256]; /* index into bucket, -1: no rule */
	int long_bucket[256];
	int *pair[2]; /* by the first two bytes: bucket + 1, -1
		       * no rule, 0 not worked out yet */
	size_t *scratch;
	/* The prefix trie of the rules that start with literals. */
	uint64_t *trie_key;
	uint32_t *trie_val;
	size_t trie_mask, trie_used;
	uint32_t trie_nodes;
	int *trie_head;          /* first entry of each node, -1: none */
	uint32_t trie_root[256]; /* the root's children, 0: none */
	size_t *ent_rule;        /* entries: a rule, the next entry */
	size_t *cand;            /* trie_match's candidates, nent of them */
	int *ent_next;
	size_t nent;
	/* Contains rules: each compiled alone, found through its grams. */
	uint64_t bloom[1024]; /* 65536 bits over gram hashes */
	struct gram *gram;
	size_t *gram_rule;
	int *gram_next; /* the next gram with the same hash */
	int *gram_head; /* by gram hash: the first gram, -1: none */
	size_t ngrams;
	size_t *always; /* contains rules without grams */
	size_t nalways;
	int limit_reported;
} rules;

/* ------------------------------------------------------------------ */
/* What a pattern can start with, and which literal it must contain.   */

/*
 * The bytes a match of a pattern can start with, worked out from the
 * pattern text.  The analysis is conservative: anything it does not
 * understand (back-references, verbs, \Q, extended mode) gives "any
 * byte", so a rule is never skipped for a line it could match.
 */

static void
bs_add(struct byteset *s, unsigned c)
{
	s->w[c >> 6] |= (uint64_t)1 << (c & 63);
}

static int
bs_has(const struct byteset *s, unsigned c)
{
	return (s->w[c >> 6] >> (c & 63)) & 1;
}

static void
bs_range(struct byteset *s, unsigned lo, unsigned hi)
{
	for (; lo <= hi && lo < 256; lo++)
		bs_add(s, lo);
}

static void
bs_union(struct byteset *s, const struct byteset *t)
{
	int i;

	for (i = 0; i < 4; i++)
		s->w[i] |= t->w[i];
}

/* A literal byte; ASCII letters in both cases (rules are caseless). */
static void
bs_letter(struct byteset *s, unsigned c)
{
	if (c >= 0x80) {
		bs_range(s, 0xC2, 0xF4); /* any lead byte: case folds */
		return;
	}
	bs_add(s, c);
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		bs_add(s, c ^ 0x20);
}

/*
 * What an item of a pattern can start with: its first byte, its second
 * byte, whether it can match nothing, whether it can match one byte.
 */
struct first2 {
	struct byteset f; /* first byte of a match */
	struct byteset s; /* second byte of a match */
	int nullable;     /* it can match the empty string */
	int len1;         /* it can match exactly one byte */
};

/* A set of characters: ascii holds its ASCII bytes; nonascii says
 * whether it holds characters past U+007F too (any lead byte then, since
 * caseless matching may fold to another one). */
static void
f2_chars(struct first2 *x, const struct byteset *ascii, int nonascii)
{
	int i, any = 0;

	memset(x, 0, sizeof(*x));
	x->f = *ascii;
	for (i = 0; i < 4; i++)
		any |= ascii->w[i] != 0;
	x->len1 = any;
	if (nonascii) {
		bs_range(&x->f, 0xC2, 0xF4);
		bs_range(&x->s, 0x80, 0xBF);
	}
}

/*
 * An escape \c (p after the backslash) as a set of characters.  Returns
 * 0 for a zero-width escape (\b), 1 for a character set.
 */
static int
bs_escape(struct byteset *s, int *nonascii, const char **pp, const char *end,
    int *bad)
{
	const char *p = *pp;
	unsigned c = (unsigned char)*p++;

	switch (c) {
	case 'd':
		bs_range(s, '0', '9');
		break;
	case 's':
		bs_range(s, 9, 13);
		bs_add(s, ' ');
		break;
	case 'w':
		bs_range(s, '0', '9');
		bs_range(s, 'A', 'Z');
		bs_range(s, 'a', 'z');
		bs_add(s, '_');
		break;
	case 'b':
	case 'B':
	case 'A':
	case 'z':
	case 'Z':
	case 'G':
		*pp = p;
		return 0;
	case 'p':
	case 'P': {
		const char *name = p;

		if (p < end && *p == '{')
			while (p < end && *p != '}')
				p++;
		if (p < end)
			p++;
		if (c == 'p' && p - name == 4 && strncmp(name, "{Lu}", 4) == 0)
			bs_range(s, 'A', 'Z');
		else if (c == 'p' &&
		    ((p - name == 3 && strncmp(name, "{L}", 3) == 0) ||
			(p - name == 4 && strncmp(name, "{Ll}", 4) == 0))) {
			bs_range(s, 'A', 'Z');
			bs_range(s, 'a', 'z');
		} else {
			bs_range(s, 0, 127);
		}
		*nonascii = 1;
		break;
	}
	case 'n':
		bs_add(s, '\n');
		break;
	case 't':
		bs_add(s, '\t');
		break;
	case 'r':
		bs_add(s, '\r');
		break;
	case 'f':
		bs_add(s, '\f');
		break;
	default:
		if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		    (c >= '0' && c <= '9'))
			*bad = 1; /* \x \g \k \Q \K, a back-reference */
		else if (c >= 0x80)
			*nonascii = 1;
		else
			bs_letter(s, c);
		break;
	}
	*pp = p;
	return 1;
}

/* A character class; p after the '['. */
static const char *
bs_class(struct byteset *s, struct byteset *s2, int *nonascii, const char *p,
    const char *end, int *bad)
{
	int first = 1;
	unsigned prev = 256;

	if (p < end && *p == '^') {
		bs_range(s, 0, 127);
		*nonascii = 1;
		p++;
		for (; p < end && (*p != ']' || first); p++, first = 0)
			if (*p == '\\' && p + 1 < end)
				p++;
		return p < end ? p + 1 : p;
	}
	for (; p < end && (*p != ']' || first); first = 0) {
		unsigned c = (unsigned char)*p;

		if (c == '[' && p + 1 < end && p[1] == ':') {
			bs_range(s, 0, 127);
			*nonascii = 1;
			p = strchr(p, ']') != NULL ? strchr(p, ']') + 1 : end;
			continue;
		}
		if (c == '\\' && p + 1 < end) {
			p++;
			(void)bs_escape(s, nonascii, &p, end, bad);
			prev = 256;
			continue;
		}
		if (c == '-' && prev < 128 && p + 1 < end && p[1] != ']' &&
		    (unsigned char)p[1] < 128) {
			unsigned hi = (unsigned char)p[1], x;

			for (x = prev; x <= hi; x++)
				bs_letter(s, x);
			p += 2;
			prev = 256;
			continue;
		}
		if ((c == 0xC2 || c == 0xE2) && p + 1 < end) {
			/* A symbol: its bytes are exact (see f2_sequence). */
			bs_add(s, c);
			bs_add(s2, (unsigned char)p[1]);
		} else if (c >= 0x80) {
			*nonascii = 1;
		} else {
			bs_letter(s, c);
		}
		prev = c < 128 ? c : 256;
		p++;
		if (c >= 0xC0)
			while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
				p++;
	}
	return p < end ? p + 1 : p;
}

static const char *f2_alternation(
    struct first2 *, const char *, const char *, int *);

/* A sequence of items up to '|' or ')'. */
static const char *
f2_sequence(struct first2 *out, const char *p, const char *end, int *bad)
{
	int open1 = 1, open2 = 0;

	memset(out, 0, sizeof(*out));
	while (p < end && *p != '|' && *p != ')') {
		struct first2 x;
		struct byteset set;
		int nonascii = 0, zero = 0, rep = 0;
		unsigned c = (unsigned char)*p;

		memset(&x, 0, sizeof(x));
		memset(&set, 0, sizeof(set));
		if (c == '\\' && p + 1 < end) {
			p++;
			zero = !bs_escape(&set, &nonascii, &p, end, bad);
			f2_chars(&x, &set, nonascii);
		} else if (c == '[') {
			struct byteset set2;

			memset(&set2, 0, sizeof(set2));
			p = bs_class(&set, &set2, &nonascii, p + 1, end, bad);
			f2_chars(&x, &set, nonascii);
			bs_union(&x.s, &set2);
		} else if (c == '(') {
			p++;
			if (p < end && *p == '*') {
				*bad = 1;
				return end;
			}
			if (p < end && *p == '?') {
				p++;
				if (p < end && *p == '#') {
					while (p < end && *p != ')')
						p++;
					if (p < end)
						p++;
					continue;
				}
				if (p < end &&
				    (*p == '=' || *p == '!' ||
					(*p == '<' && p + 1 < end &&
					    (p[1] == '=' || p[1] == '!')))) {
					zero = 1;
					while (p < end &&
					    (*p == '<' || *p == '=' ||
						*p == '!'))
						p++;
				} else if (p < end &&
				    (*p == 'R' || *p == '(' || *p == '&' ||
					*p == '+' || *p == '|' ||
					(*p >= '0' && *p <= '9') ||
					(*p == 'P' && p + 1 < end &&
					    p[1] == '>'))) {
					*bad = 1;
					return end;
				} else {
					/* A name or option letters. */
					while (p < end && *p != ':' &&
					    *p != ')' && *p != '>' &&
					    *p != '\'') {
						if (*p == 'x')
							*bad = 1;
						p++;
					}
					if (p < end && *p == ')') {
						p++; /* (?i) */
						continue;
					}
					if (p < end)
						p++;
				}
			}
			p = f2_alternation(&x, p, end, bad);
			if (p < end && *p == ')')
				p++;
			if (zero)
				memset(&x, 0, sizeof(x));
		} else if (c == '.') {
			bs_range(&set, 0, 127);
			f2_chars(&x, &set, 1);
			p++;
		} else if (c == '^' || c == '$') {
			zero = 1;
			p++;
		} else if (c >= 0x80) {
			/*
			 * Punctuation and symbols (lead bytes C2 and E2) have
			 * no case: their two bytes are exact.  Letters may
			 * fold to another lead byte.
			 */
			if ((c == 0xC2 || c == 0xE2) && p + 1 < end) {
				bs_add(&x.f, c);
				bs_add(&x.s, (unsigned char)p[1]);
			} else {
				f2_chars(&x, &set, 1);
			}
			p++;
			while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
				p++;
		} else {
			bs_letter(&set, c);
			f2_chars(&x, &set, 0);
			p++;
		}
		if (zero) {
			memset(&x, 0, sizeof(x));
			x.nullable = 1;
		}
		/* Quantifiers. */
		if (p < end && (*p == '?' || *p == '*' || *p == '+')) {
			if (*p != '+')
				x.nullable = 1;
			rep = *p != '?';
			p++;
		} else if (p < end && *p == '{' && p + 1 < end && p[1] >= '0' &&
		    p[1] <= '9') {
			if (p[1] == '0')
				x.nullable = 1;
			rep = 1;
			while (p < end && *p != '}')
				p++;
			if (p < end)
				p++;
		}
		if (p < end && (*p == '?' || *p == '+'))
			p++;
		if (rep && x.len1)
			bs_union(&x.s, &x.f);
		if (open1) {
			bs_union(&out->f, &x.f);
			bs_union(&out->s, &x.s);
		}
		if (open2)
			bs_union(&out->s, &x.f);
		{
			int o2 = (open1 && x.len1) || (open2 && x.nullable);

			open1 = open1 && x.nullable;
			open2 = o2;
		}
	}
	out->nullable = open1;
	out->len1 = open2;
	return p;
}

static const char *
f2_alternation(struct first2 *out, const char *p, const char *end, int *bad)
{
	struct first2 x;

	memset(out, 0, sizeof(*out));
	for (;;) {
		p = f2_sequence(&x, p, end, bad);
		bs_union(&out->f, &x.f);
		bs_union(&out->s, &x.s);
		out->nullable |= x.nullable;
		out->len1 |= x.len1;
		if (p < end && *p == '|') {
			p++;
			continue;
		}
		return p;
	}
}

/*
 * The first two bytes of a match of a rule's pattern (after leading
 * white space); anything the analysis does not follow gives all bytes.
 */
static void
first_bytes(
    const char *pat, size_t len, struct byteset *first, struct byteset *second)
{
	struct first2 x;
	int bad = 0;
	const char *end = pat + len, *p;

	p = f2_alternation(&x, pat, end, &bad);
	*first = x.f;
	*second = x.s;
	if (bad || x.nullable || p != end)
		memset(first, 0xFF, sizeof(*first));
	if (bad || x.nullable || x.len1 || p != end)
		memset(second, 0xFF, sizeof(*second));
}

/* The end of the bracket class that starts at p ('['): the byte after
 * its ']' (a ']' first or after '^' is a member), or end. */
static const char *
class_end(const char *p, const char *end)
{
	p++;
	if (p < end && *p == '^')
		p++;
	if (p < end && *p == ']')
		p++;
	while (p < end && *p != ']') {
		if (*p == '\\' && p + 1 < end)
			p++;
		p++;
	}
	return p < end ? p + 1 : end;
}

/* The end of the group that starts at p ('('): the byte after its ')'. */
static const char *
group_end(const char *p, const char *end)
{
	int depth = 0;

	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end) {
			p++;
		} else if (*p == '[') {
			p = class_end(p, end) - 1; /* at its ']' */
		} else if (*p == '(') {
			depth++;
		} else if (*p == ')' && --depth == 0) {
			return p + 1;
		}
	}
	return end;
}

/* The byte after the item at p: a group, a class, an escape or a byte. */
static const char *
skip_item(const char *p, const char *end)
{
	if (*p == '(')
		return group_end(p, end);
	if (*p == '\\' && p + 1 < end)
		return p + 2;
	if (*p == '[')
		return class_end(p, end);
	return p + 1;
}

/* ------------------------------------------------------------------ */
/* Literal prefixes of anchored rules, in a trie.                      */

/*
 * Most rules begin with words: "advertisement", "sign in", "(?:read|see)
 * next".  The literal prefixes of a rule are worked out from its pattern
 * (alternatives and optional parts expanded, up to PREFIX_MAX strings of
 * at most PREFIX_LEN bytes, ASCII only, lower-cased); they go into a trie.
 * A line walks the trie from its first byte, and only the rules whose
 * prefix it spells are tried.  Rules that do not start with a literal
 * (a class, \p{Lu}, a digit range) are "generic" and go through the
 * first-two-bytes buckets.
 */
#define PREFIX_MAX 1024
#define PREFIX_LEN 12

struct prefixes {
	char s[PREFIX_MAX][PREFIX_LEN + 1];
	unsigned char len[PREFIX_MAX];
	unsigned char open[PREFIX_MAX]; /* may grow with the next item */
	int n;
	int bad;
};

/* Copy the strings of src into dst (only the ones in use). */
static void
px_copy(struct prefixes *dst, const struct prefixes *src)
{
	memcpy(dst->s, src->s, (size_t)src->n * sizeof(src->s[0]));
	memcpy(dst->len, src->len, (size_t)src->n);
	memcpy(dst->open, src->open, (size_t)src->n);
	dst->n = src->n;
	dst->bad = src->bad;
}

static void
px_close_all(struct prefixes *x)
{
	int i;

	for (i = 0; i < x->n; i++)
		x->open[i] = 0;
}

static void
px_append(struct prefixes *x, int c)
{
	int i;

	for (i = 0; i < x->n; i++) {
		if (!x->open[i])
			continue;
		if (x->len[i] == PREFIX_LEN) {
			x->open[i] = 0;
			continue;
		}
		x->s[i][x->len[i]++] = (char)c;
	}
}

/* Add a copy of every open string of x with the strings of y appended. */
static void
px_concat(struct prefixes *x, const struct prefixes *y, int keep_plain)
{
	struct prefixes *out = xmalloc(sizeof(*out));
	int i, j;

	out->n = 0;
	out->bad = 0;
	for (i = 0; i < x->n && !out->bad; i++) {
		if (!x->open[i] || keep_plain) {
			if (out->n == PREFIX_MAX) {
				out->bad = 1;
				break;
			}
			memcpy(out->s[out->n], x->s[i], x->len[i]);
			out->len[out->n] = x->len[i];
			out->open[out->n++] = x->open[i];
			if (!x->open[i])
				continue;
		}
		for (j = 0; j < y->n; j++) {
			size_t l = x->len[i] + y->len[j];

			if (out->n == PREFIX_MAX) {
				out->bad = 1;
				break;
			}
			if (l > PREFIX_LEN)
				l = PREFIX_LEN;
			memcpy(out->s[out->n], x->s[i], x->len[i]);
			memcpy(
			    out->s[out->n] + x->len[i], y->s[j], l - x->len[i]);
			out->len[out->n] = (unsigned char)l;
			out->open[out->n++] = y->open[j] && l < PREFIX_LEN;
		}
	}
	out->bad |= x->bad || y->bad;
	px_copy(x, out);
	free(out);
}

static const char *px_alternation(
    struct prefixes *, const char *, const char *);

/* One alternative up to '|' or ')': x starts as {""} open. */
static const char *
px_sequence(struct prefixes *x, const char *p, const char *end)
{
	x->n = 1;
	x->bad = 0;
	x->len[0] = 0;
	x->open[0] = 1;
	while (p < end && *p != '|' && *p != ')') {
		unsigned c = (unsigned char)*p;
		int lit = -1, any_open, i;
		const char *after;

		for (any_open = 0, i = 0; i < x->n; i++)
			any_open |= x->open[i];
		if (c == '(') {
			struct prefixes *y = xmalloc(sizeof(*y));
			int zero = 0, skip = 0;

			after = group_end(p, end);
			p++;
			if (p < end && *p == '?') {
				p++;
				if (p < end &&
				    (*p == '=' || *p == '!' || *p == '<' ||
					*p == '#'))
					zero = 1;
				if (p < end &&
				    (*p == '<' && p + 1 < end && p[1] != '=' &&
					p[1] != '!'))
					zero = 0; /* (?<name> */
				if (!zero) {
					while (p < after && *p != ':' &&
					    *p != ')' && *p != '>' &&
					    *p != '\'') {
						if (*p == 'x' || *p == '-')
							x->bad = 1;
						p++;
					}
					if (p < after && *p == ')')
						skip = 1; /* (?i) */
					p++;
				}
			}
			if (zero || skip) {
				free(y);
				p = after;
				continue;
			}
			(void)px_alternation(y, p, after - 1);
			p = after;
			if (p < end && (*p == '*' || *p == '+' || *p == '{')) {
				/* Repeated: its first round, then unknown. */
				int optional = *p == '*' ||
				    (*p == '{' && p + 1 < end && p[1] == '0');

				for (i = 0; i < y->n; i++)
					y->open[i] = 0;
				px_concat(x, y, optional);
				while (p < end && *p != '}' &&
				    (*p == '{' || (*p >= '0' && *p <= '9') ||
					*p == ','))
					p++;
				p++;
				px_close_all(x);
			} else if (p < end && *p == '?') {
				px_concat(x, y, 1);
				p++;
			} else {
				px_concat(x, y, 0);
			}
			if (p < end && (*p == '?' || *p == '+'))
				p++;
			free(y);
			continue;
		}
		if (c == '\\' && p + 1 < end) {
			unsigned e = (unsigned char)p[1];

			p += 2;
			if (e == 'b' || e == 'B')
				continue; /* zero-width */
			if (!((e | 0x20) >= 'a' && (e | 0x20) <= 'z') &&
			    !(e >= '0' && e <= '9') && e < 0x80)
				lit = (int)e;
		} else if (c == '^') {
			p++;
			continue;
		} else if (c < 0x80 && c != '.' && c != '[' && c != '$' &&
		    c != '?' && c != '*' && c != '+' && c != '{') {
			lit = (int)c;
			p++;
		} else {
			/* A class, a dot, non-ASCII: the prefix ends. */
			p = skip_item(p, end);
		}
		if (lit >= 'A' && lit <= 'Z')
			lit |= 0x20;
		if (lit < 0) {
			px_close_all(x);
			/* Skip the rest of the alternative. */
			while (p < end && *p != '|' && *p != ')')
				p = skip_item(p, end);
			break;
		}
		if (p < end && (*p == '?' || *p == '*')) {
			/* Optional: both with and without it. */
			struct prefixes *y = xmalloc(sizeof(*y));

			y->n = 1;
			y->bad = 0;
			y->s[0][0] = (char)lit;
			y->len[0] = 1;
			y->open[0] = *p == '?';
			px_concat(x, y, 1);
			if (*p == '*')
				px_close_all(x);
			free(y);
			p++;
			if (p < end && (*p == '?' || *p == '+'))
				p++;
			continue;
		}
		px_append(x, lit);
		if (p < end && (*p == '+' || *p == '{')) {
			px_close_all(x);
			while (p < end && *p != '|' && *p != ')')
				p = skip_item(p, end);
			break;
		}
		(void)any_open;
	}
	return p;
}

static const char *
px_alternation(struct prefixes *out, const char *p, const char *end)
{
	struct prefixes *y = xmalloc(sizeof(*y));
	int i;

	out->n = 0;
	out->bad = 0;
	for (;;) {
		p = px_sequence(y, p, end);
		out->bad |= y->bad;
		for (i = 0; i < y->n; i++) {
			if (out->n == PREFIX_MAX) {
				out->bad = 1;
				break;
			}
			memcpy(out->s[out->n], y->s[i], y->len[i]);
			out->len[out->n] = y->len[i];
			out->open[out->n++] = y->open[i];
		}
		if (p < end && *p == '|') {
			p++;
			continue;
		}
		free(y);
		return p;
	}
}

/*
 * The literal prefixes of a pattern into *x; 0 if some alternative has
 * none (the rule is generic).
 */
static int
rule_prefixes(const char *pat, size_t len, struct prefixes *x)
{
	int i;

	if (strstr(pat, "\\Q") != NULL)
		return 0;
	if (px_alternation(x, pat, pat + len) != pat + len || x->bad)
		return 0;
	for (i = 0; i < x->n; i++)
		if (x->len[i] == 0)
			return 0;
	return x->n > 0;
}

/* The trie: children in one hash table keyed by (node, byte). */
static size_t
trie_hash(uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32);
}

static uint32_t
trie_child(uint32_t node, unsigned b, int add)
{
	uint64_t key = ((uint64_t)node << 8 | b) + 1;
	size_t j;

	if (node == 0 && !add)
		return rules.trie_root[b];
	if (rules.trie_key == NULL) {
		rules.trie_mask = 1023;
		rules.trie_key = xcalloc(rules.trie_mask + 1, sizeof(uint64_t));
		rules.trie_val = xcalloc(rules.trie_mask + 1, sizeof(uint32_t));
	}
	for (j = trie_hash(key) & rules.trie_mask; rules.trie_key[j] != 0;
	     j = (j + 1) & rules.trie_mask)
		if (rules.trie_key[j] == key)
			return rules.trie_val[j];
	if (!add)
		return 0;
	if ((rules.trie_used + 1) * 4 > (rules.trie_mask + 1) * 3) {
		size_t n = (rules.trie_mask + 1) * 2, i, k;
		uint64_t *nk = xcalloc(n, sizeof(*nk));
		uint32_t *nv = xcalloc(n, sizeof(*nv));

		for (i = 0; i <= rules.trie_mask; i++) {
			if (rules.trie_key[i] == 0)
				continue;
			for (k = trie_hash(rules.trie_key[i]) & (n - 1);
			     nk[k] != 0; k = (k + 1) & (n - 1))
				;
			nk[k] = rules.trie_key[i];
			nv[k] = rules.trie_val[i];
		}
		free(rules.trie_key);
		free(rules.trie_val);
		rules.trie_key = nk;
		rules.trie_val = nv;
		rules.trie_mask = n - 1;
		for (j = trie_hash(key) & rules.trie_mask;
		     rules.trie_key[j] != 0; j = (j + 1) & rules.trie_mask)
			;
	}
	rules.trie_key[j] = key;
	rules.trie_val[j] = ++rules.trie_nodes;
	rules.trie_used++;
	rules.trie_head = xreallocarray(
	    rules.trie_head, rules.trie_nodes + 1, sizeof(*rules.trie_head));
	rules.trie_head[rules.trie_nodes] = -1;
	if (node == 0)
		rules.trie_root[b] = rules.trie_nodes;
	return rules.trie_nodes;
}

/*
 * The child of node by byte b, or 0: the lookup alone, small enough to be
 * inlined in the walk of every line.
 */
static uint32_t
trie_find(uint32_t node, unsigned b)
{
	uint64_t key = ((uint64_t)node << 8 | b) + 1;
	size_t j;

	if (node == 0)
		return rules.trie_root[b];
	for (j = trie_hash(key) & rules.trie_mask; rules.trie_key[j] != 0;
	     j = (j + 1) & rules.trie_mask)
		if (rules.trie_key[j] == key)
			return rules.trie_val[j];
	return 0;
}

/* Put rule i under each of its prefixes. */
static void
trie_add(size_t i, const struct prefixes *x)
{
	int k;
	size_t d;

	if (rules.trie_head == NULL) {
		rules.trie_head = xcalloc(1, sizeof(*rules.trie_head));
		rules.trie_head[0] = -1;
	}
	for (k = 0; k < x->n; k++) {
		uint32_t node = 0;

		for (d = 0; d < x->len[k]; d++)
			node = trie_child(node, (unsigned char)x->s[k][d], 1);
		/* Once per (node, rule). */
		if (rules.trie_head[node] >= 0 &&
		    rules.ent_rule[rules.trie_head[node]] == i)
			continue;
		rules.ent_rule = xreallocarray(
		    rules.ent_rule, rules.nent + 1, sizeof(*rules.ent_rule));
		rules.cand = xreallocarray(
		    rules.cand, rules.nent + 1, sizeof(*rules.cand));
		rules.ent_next = xreallocarray(
		    rules.ent_next, rules.nent + 1, sizeof(*rules.ent_next));
		rules.ent_rule[rules.nent] = i;
		rules.ent_next[rules.nent] = rules.trie_head[node];
		rules.trie_head[node] = (int)rules.nent++;
	}
}

/*
 * Literal 4-byte grams that a contains rule needs: one for each top-level
 * alternative, taken from a run of literal characters outside groups and
 * classes.  Returns the number found, or 0 when some alternative has none
 * (the rule is then tried on every short line).
 */
#define GRAMS_MAX 64
#define GRAM_LIT 24

/* A gram and the literal run around it, which a line must hold too. */
struct gram {
	uint32_t g;        /* four bytes, lower-case, big-endian */
	unsigned char off; /* where the gram starts in lit */
	unsigned char len; /* bytes of lit */
	char lit[GRAM_LIT];
};

static int
gram_common(const unsigned char *g)
{
	static const char *const frequent[] = {"tion", "that", "with", "ther",
	    "this", "have", "from", "here", "said", "were", "ment", "ould",
	    "ting", "ence", "your", "read", "will", "free", "once", "some",
	    "they", "more", "what", "when", "them", "than", "then", "been",
	    "also", "only", "over", "into", "just", "year", "time", "ing ",
	    " the", "the ", "and ", " and", "ed t", "d th", NULL};
	size_t i;

	static const char *const trigrams[] = {"ing", "ion", "ent", "the",
	    "and", "tio", "her", "ere", "con", "com", "ter", "ate", "for",
	    "ver", "all", "ted", "res", NULL};

	for (i = 0; frequent[i] != NULL; i++)
		if (memcmp(g, frequent[i], 4) == 0)
			return 1;
	for (i = 0; trigrams[i] != NULL; i++)
		if (memcmp(g, trigrams[i], 3) == 0 ||
		    memcmp(g + 1, trigrams[i], 3) == 0)
			return 1;
	return 0;
}

/* How good a gram is as a filter: rare-looking grams score higher. */
static int
gram_score(const unsigned char *run, size_t rlen, size_t i)
{
	size_t ws = i, we = i;
	int score = 1;

	while (ws > 0 && run[ws - 1] != ' ')
		ws--;
	while (we < rlen && run[we] != ' ')
		we++;
	if (memchr(run + i, ' ', 4) == NULL)
		score += 2;
	if (we - ws >= 6)
		score += 2;
	if (gram_common(run + i))
		score -= 3;
	/* Rarer letters make rarer grams. */
	for (ws = i; ws < i + 4; ws++) {
		if (strchr("dlcum", run[ws]) != NULL)
			score += 1;
		else if (strchr("wfgypb", run[ws]) != NULL)
			score += 2;
		else if (strchr("vkjxqz(", run[ws]) != NULL)
			score += 3;
	}
	return score;
}

static int grams_alternation(const char *, const char *, struct gram *, int *);

/*
 * Grams for one alternative p[0..end): the best gram of its literal runs,
 * or the grams of one of its groups (one per alternative of the group),
 * whichever filters better.  Returns how many, 0 if none.
 */
static int
grams_sequence(const char *p, const char *end, struct gram *out, int *quality)
{
	unsigned char run[256];
	size_t rlen = 0, i;
	struct gram best, group[GRAMS_MAX];
	int best_score = -100, ngroup = 0, group_quality = -100;

	while (p <= end) {
		int lit = -1, brk = 0;
		unsigned c = p < end ? (unsigned char)*p : 0;

		if (p == end) {
			brk = 1;
			p++;
		} else if (c == '\\' && p + 1 < end) {
			unsigned e = (unsigned char)p[1];

			if (!((e | 0x20) >= 'a' && (e | 0x20) <= 'z') &&
			    !(e >= '0' && e <= '9') && e < 0x80)
				lit = (int)e;
			p += 2;
			if (lit < 0 && p < end && *p == '{') {
				while (p < end && *p != '}')
					p++; /* \p{Lu} \x{263a} \g{1} */
				if (p < end)
					p++;
			}
		} else if (c == '[') {
			p = class_end(p, end);
			brk = 1;
		} else if (c == '(') {
			const char *ge = group_end(p, end), *in = p + 1;
			struct gram g[GRAMS_MAX];
			int n = 0, q = -100, optional;

			optional = ge < end &&
			    (*ge == '?' || *ge == '*' ||
				(*ge == '{' && ge + 1 < end && ge[1] == '0'));
			if (in < ge && *in == '?') {
				in++;
				if (in < ge &&
				    (*in == '=' || *in == '!' || *in == '<' ||
					*in == '#'))
					optional = 1; /* lookaround, comment */
				if (*in == 'P' || *in == '\'')
					in++;
				while (in < ge && *in != ':' && *in != ')' &&
				    *in != '>' && *in != '\'') {
					if (*in == 'x')
						return 0; /* extended mode */
					in++;
				}
				if (in < ge)
					in++;
			}
			if (!optional && in < ge - 1)
				n = grams_alternation(in, ge - 1, g, &q);
			if (n > 0 &&
			    (q > group_quality ||
				(q == group_quality && n < ngroup))) {
				memcpy(group, g, (size_t)n * sizeof(*g));
				ngroup = n;
				group_quality = q;
			}
			p = ge;
			brk = 1;
		} else if (c == '{' && p + 1 < end && p[1] >= '0' &&
		    p[1] <= '9') {
			while (p < end && *p != '}')
				p++;
			if (p < end)
				p++;
			brk = 1;
		} else if (c < 0x80 && c != '.' && c != '^' && c != '$' &&
		    c != '|' && c != '?' && c != '*' && c != '+' && c != ')') {
			lit = (int)c;
			p++;
		} else {
			p++;
			while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
				p++;
			brk = 1;
		}
		/* A quantified character is no part of a run. */
		if (lit >= 0 && p < end &&
		    (*p == '?' || *p == '*' || *p == '{'))
			lit = -1;
		if (lit >= 0 && rlen < sizeof(run)) {
			if (lit >= 'A' && lit <= 'Z')
				lit |= 0x20;
			run[rlen++] = (unsigned char)lit;
			if (p < end && *p == '+')
				brk = 1;
		} else {
			brk = 1;
		}
		if (brk) {
			for (i = 0; rlen >= 4 && i + 4 <= rlen; i++) {
				/* A longer literal is checked whole before
				 * the rule runs: it counts most. */
				int sc = gram_score(run, rlen, i) +
				    (int)(rlen < 12 ? rlen : 12);

				if (sc > best_score) {
					size_t ls = i > 8 ? i - 8 : 0;
					size_t ll = rlen - ls;

					if (ll > GRAM_LIT)
						ll = GRAM_LIT;
					best_score = sc;
					best.g = (uint32_t)run[i] << 24 |
					    (uint32_t)run[i + 1] << 16 |
					    (uint32_t)run[i + 2] << 8 |
					    run[i + 3];
					best.off = (unsigned char)(i - ls);
					best.len = (unsigned char)ll;
					memcpy(best.lit, run + ls, ll);
				}
			}
			rlen = 0;
		}
	}
	if (best_score > -100 && best_score >= group_quality) {
		out[0] = best;
		*quality = best_score;
		return 1;
	}
	if (ngroup > 0) {
		memcpy(out, group, (size_t)ngroup * sizeof(*group));
		*quality = group_quality;
		return ngroup;
	}
	return 0;
}

/* Grams for an alternation: every alternative must have some. */
static int
grams_alternation(
    const char *p, const char *end, struct gram *out, int *quality)
{
	const char *q;
	struct gram part[GRAMS_MAX];
	int n = 0, k, qk;

	*quality = 100;
	while (p <= end) {
		/* The end of this alternative: a '|' outside groups. */
		for (q = p; q < end && *q != '|';)
			q = skip_item(q, end);
		k = grams_sequence(p, q, part, &qk);
		if (k == 0 || n + k > GRAMS_MAX)
			return 0;
		memcpy(out + n, part, (size_t)k * sizeof(*part));
		n += k;
		if (qk < *quality)
			*quality = qk;
		p = q + 1;
	}
	if (n > 2)
		(*quality)--;
	return n;
}

static int
literal_grams(const char *pat, size_t len, struct gram *grams)
{
	int quality;

	if (strstr(pat, "\\Q") != NULL)
		return 0;
	return grams_alternation(pat, pat + len, grams, &quality);
}

/* ------------------------------------------------------------------ */
/* Rules: parsing, compiling, matching.                                */

static int
cat_lookup(const char *p, size_t n)
{
	int c;

	for (c = 1; c < NCAT; c++)
		if (strlen(cat_names[c]) == n &&
		    strncmp(cat_names[c], p, n) == 0)
			return c;
	return -1;
}

static NORETURN void
rule_error(const char *file, unsigned long lineno, const char *msg)
{
	pdie("%s:%lu: %s", file, lineno, msg);
}

/* Skip spaces and tabs. */
static const char *
skip_blanks(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

static const char *
skip_word(const char *p, const char *end)
{
	while (p < end && *p != ' ' && *p != '\t')
		p++;
	return p;
}

/*
 * Parse one rule line p[0..len) of file.  Comments and blank lines are
 * skipped; a bad line is a fatal error "FILE:LINE: message".
 */
static void
rule_parse(const char *file, unsigned long lineno, const char *p, size_t len)
{
	const char *end = p + len, *w, *we, *f;
	struct rule r;
	char err[300], *msg;
	struct rx *rx;
	int cat;

	if (len > 0 && p[len - 1] == '\r')
		end--;
	w = skip_blanks(p, end);
	if (w == end || *w == '#')
		return;
	memset(&r, 0, sizeof(r));
	we = skip_word(w, end);
	cat = cat_lookup(w, (size_t)(we - w));
	if (cat < 0) {
		msg = xmalloc((size_t)(we - w) + 80);
		(void)sprintf(msg, "unknown category '%.*s'", (int)(we - w), w);
		rule_error(file, lineno, msg);
	}
	r.cat = (unsigned char)cat;
	w = skip_blanks(we, end);
	we = skip_word(w, end);
	if (w == we)
		rule_error(file, lineno, "missing KIND (line, start or any)");
	f = memchr(w, ',', (size_t)(we - w));
	if (f == NULL)
		f = we;
	if (f - w == 4 && strncmp(w, "line", 4) == 0)
		r.kind = KIND_LINE;
	else if (f - w == 5 && strncmp(w, "start", 5) == 0)
		r.kind = KIND_START;
	else if (f - w == 3 && strncmp(w, "any", 3) == 0)
		r.kind = KIND_ANY;
	else
		rule_error(
		    file, lineno, "unknown KIND (expected line, start or any)");
	while (f < we) {
		const char *fe;

		f++;
		fe = memchr(f, ',', (size_t)(we - f));
		if (fe == NULL)
			fe = we;
		if (fe - f == 3 && strncmp(f, "end", 3) == 0)
			r.end = 1;
		else if (fe - f == 4 && strncmp(f, "weak", 4) == 0)
			r.weak = 1;
		else
			rule_error(file, lineno,
			    "unknown flag (expected end or weak)");
		f = fe;
	}
	w = skip_blanks(we, end);
	if (w == end)
		rule_error(file, lineno, "missing pattern");
	/* Only contains rules run this compiled form; the others are just
	 * checked here and compiled for matching when first needed. */
	rx = rx_compile(w, (size_t)(end - w),
	    RX_CASELESS | (r.kind == KIND_ANY ? 0 : RX_NOJIT), err,
	    sizeof(err));
	if (rx == NULL)
		rule_error(file, lineno, err);
	r.groups = rx != NULL ? rx_groups(rx) : 0;
	if (r.kind == KIND_ANY)
		r.rx = rx;
	else if (rx != NULL)
		rx_free(rx);
	r.file = file;
	r.lineno = lineno;
	r.text = xmemdup(p, (size_t)(end - p));
	/* The analyses read the NUL-terminated copy of the pattern. */
	w = r.text + (w - p);
	first_bytes(w, strlen(w), &r.first, &r.second);
	if (r.kind != KIND_ANY) {
		struct prefixes *px = xmalloc(sizeof(*px));

		r.generic = !rule_prefixes(w, strlen(w), px);
		if (!r.generic)
			trie_add(rules.n, px);
		free(px);
	}
	r.why = xmalloc(strlen(file) + 32);
	(void)sprintf(r.why, "rule:%s:%lu", file, lineno);
	for (msg = r.why; *msg != '\0'; msg++)
		if (*msg == '\t' || *msg == '\n')
			*msg = ' ';
	rules.v = xreallocarray(rules.v, rules.n + 1, sizeof(*rules.v));
	rules.v[rules.n++] = r;
}

static void
rules_load_file(const char *path)
{
	struct linereader lr;
	struct line line;
	FILE *fp;
	int fd, rc;

	fp = fopen(path, "r");
	if (fp == NULL)
		pdie_sys("%s", path);
	fd = fileno(fp);
	lr_init(&lr, fd);
	lr_set_max_line(&lr, 1u << 20);
	while ((rc = lr_next(&lr, &line)) > 0)
		rule_parse(path, (unsigned long)lr.lineno, line.p, line.len);
	if (rc < 0)
		pdie_sys("%s", path);
	lr_free(&lr);
	(void)fclose(fp);
}

static void
rules_list(void)
{
	size_t i;
	const char *last = "builtin";

	/* The built-in table as it is, so that line N is rule:builtin:N. */
	for (i = 0; !opt.no_default_rules && builtin_rules[i] != NULL; i++) {
		out_puts(builtin_rules[i]);
		out_putc('\n');
	}
	for (i = 0; i < rules.n; i++) {
		if (strcmp(last, rules.v[i].file) != 0) {
			out_printf("# rules from %s\n", rules.v[i].file);
			last = rules.v[i].file;
		}
		if (strcmp(last, "builtin") != 0) {
			out_puts(rules.v[i].text);
			out_putc('\n');
		}
	}
}

/* ------------------------------------------------------------------ */
/* Compiled rules: first-byte buckets and the contains-rule prefilter. */

/*
 * Whole-line and prefix rules are anchored at the first non-blank byte
 * of the line.  For each possible first byte, the rules that can start
 * with it are joined into one alternation, each alternative followed by
 * an empty marker group "()" whose number tells which rule matched.  Lines
 * longer than LINE_RULE_MAX bytes get a second set of alternations with
 * the prefix rules only.  Buckets are compiled on first use, so a run
 * pays only for the first bytes its lines start with.
 */

static unsigned
gram_hash(uint32_t g)
{
	return (unsigned)((g * 0x9E3779B1u) >> 16);
}

static int
bucket_find(const size_t *list, size_t n)
{
	size_t b;

	for (b = 0; b < rules.nbuckets; b++)
		if (rules.bucket[b].n == n &&
		    memcmp(rules.bucket[b].rule, list, n * sizeof(*list)) == 0)
			return (int)b;
	rules.bucket = xreallocarray(
	    rules.bucket, rules.nbuckets + 1, sizeof(*rules.bucket));
	rules.bucket[rules.nbuckets].rule =
	    xreallocarray(NULL, n, sizeof(*list));
	memcpy(rules.bucket[rules.nbuckets].rule, list, n * sizeof(*list));
	rules.bucket[rules.nbuckets].marker = NULL;
	rules.bucket[rules.nbuckets].n = n;
	rules.bucket[rules.nbuckets].rx = NULL;
	return (int)rules.nbuckets++;
}

/* The pattern text of rule r: the rest of its line after two words. */
static const char *
rule_pattern(const struct rule *r, size_t *len)
{
	const char *p = r->text, *end = p + strlen(p);

	p = skip_blanks(p, end);
	p = skip_blanks(skip_word(p, end), end);
	p = skip_blanks(skip_word(p, end), end);
	*len = (size_t)(end - p);
	return p;
}

static void
rules_index(void)
{
	size_t *list = xcalloc(rules.n + 1, sizeof(*list));
	size_t i, n;
	unsigned c;
	int longs;

	/*
	 * Contains rules, and anchored rules that start with no literal but
	 * hold one, are found through their grams.
	 */
	for (i = 0; i < rules.n; i++) {
		struct rule *r = &rules.v[i];
		struct gram g[GRAMS_MAX];
		const char *pat;
		size_t len;
		int k, ng;

		if (r->kind != KIND_ANY && !r->generic)
			continue;
		pat = rule_pattern(r, &len);
		ng = literal_grams(pat, len, g);
		if (ng == 0 && r->kind == KIND_ANY) {
			rules.always = xreallocarray(rules.always,
			    rules.nalways + 1, sizeof(*rules.always));
			rules.always[rules.nalways++] = i;
		}
		if (ng > 0 && r->kind != KIND_ANY)
			r->gated = 1;
		for (k = 0; k < ng; k++) {
			rules.gram = xreallocarray(
			    rules.gram, rules.ngrams + 1, sizeof(*rules.gram));
			rules.gram_rule = xreallocarray(rules.gram_rule,
			    rules.ngrams + 1, sizeof(*rules.gram_rule));
			rules.gram[rules.ngrams] = g[k];
			rules.gram_rule[rules.ngrams++] = i;
			c = gram_hash(g[k].g);
			rules.bloom[c >> 6] |= (uint64_t)1 << (c & 63);
		}
	}
	rules.gram_head = xmalloc(65536 * sizeof(*rules.gram_head));
	for (c = 0; c < 65536; c++)
		rules.gram_head[c] = -1;
	rules.gram_next = xcalloc(rules.ngrams + 1, sizeof(*rules.gram_next));
	for (i = rules.ngrams; i > 0; i--) {
		c = gram_hash(rules.gram[i - 1].g);
		rules.gram_next[i - 1] = rules.gram_head[c];
		rules.gram_head[c] = (int)(i - 1);
	}
	for (longs = 0; longs < 2; longs++) {
		for (c = 0; c < 256; c++) {
			n = 0;
			for (i = 0; i < rules.n; i++) {
				const struct rule *r = &rules.v[i];

				if (r->kind == KIND_ANY || !r->generic ||
				    r->gated ||
				    (longs && r->kind != KIND_START) ||
				    !bs_has(&r->first, c))
					continue;
				list[n++] = i;
			}
			(longs ? rules.long_bucket : rules.short_bucket)[c] =
			    n == 0 ? -1 : bucket_find(list, n);
		}
	}
	free(list);
	rules.scratch = xcalloc(rules.n + 1, sizeof(*rules.scratch));
}

/* Compile bucket b: its rules' alternation, anchored at the line start. */
static void
bucket_compile(struct bucket *b)
{
	struct buf pat = BUF_INIT;
	char err[300];
	unsigned group = 0;
	size_t i, len;
	const char *p;

	b->marker = xcalloc(b->n, sizeof(*b->marker));
	buf_adds(&pat, "^\\s*+(?:");
	for (i = 0; i < b->n; i++) {
		const struct rule *r = &rules.v[b->rule[i]];

		p = rule_pattern(r, &len);
		if (i > 0)
			buf_addc(&pat, '|');
		buf_adds(&pat, "(?:");
		buf_add(&pat, p, len);
		buf_adds(&pat, r->kind == KIND_LINE ? ")\\s*+$()" : ")()");
		group += r->groups;
		b->marker[i] = ++group;
	}
	buf_addc(&pat, ')');
	b->rx = rx_compile(pat.p, pat.len, RX_CASELESS, err, sizeof(err));
	if (b->rx == NULL)
		pdie("rules: a combined pattern: %s", err);
	buf_free(&pat);
}

static void
rules_free(void)
{
	size_t i;

	for (i = 0; i < rules.n; i++) {
		free(rules.v[i].text);
		free(rules.v[i].why);
		if (rules.v[i].rx != NULL)
			rx_free(rules.v[i].rx);
		if (rules.v[i].arx != NULL)
			rx_free(rules.v[i].arx);
	}
	for (i = 0; i < rules.nbuckets; i++) {
		free(rules.bucket[i].rule);
		free(rules.bucket[i].marker);
		if (rules.bucket[i].rx != NULL)
			rx_free(rules.bucket[i].rx);
	}
	free(rules.v);
	free(rules.bucket);
	free(rules.gram);
	free(rules.gram_rule);
	free(rules.gram_head);
	free(rules.gram_next);
	free(rules.always);
	free(rules.pair[0]);
	free(rules.pair[1]);
	free(rules.scratch);
	free(rules.trie_key);
	free(rules.trie_val);
	free(rules.trie_head);
	free(rules.ent_rule);
	free(rules.cand);
	free(rules.ent_next);
	memset(&rules, 0, sizeof(rules));
}

static void
rules_limit(const char *label, unsigned long long lineno)
{
	if (!rules.limit_reported)
		pwarn("%s:%llu: pattern match limit hit, rules skipped for "
		      "this line",
		    label, lineno);
	rules.limit_reported = 1;
	prog_set_trouble();
}

/*
 * The bucket of the rules that can match a line starting with bytes b1
 * b2 (only prefix rules when longs), worked out on first use.
 */
static int
pair_bucket(int longs, unsigned b1, unsigned b2)
{
	unsigned key = b1 << 8 | b2;
	size_t i, n = 0;
	int *t;

	if (rules.pair[longs] == NULL)
		rules.pair[longs] = xcalloc(65536, sizeof(int));
	t = rules.pair[longs];
	if (t[key] == 0) {
		for (i = 0; i < rules.n; i++) {
			const struct rule *r = &rules.v[i];

			if (r->kind == KIND_ANY || !r->generic || r->gated ||
			    (longs && r->kind != KIND_START) ||
			    !bs_has(&r->first, b1) || !bs_has(&r->second, b2))
				continue;
			rules.scratch[n++] = i;
		}
		t[key] = n == 0 ? -1 : bucket_find(rules.scratch, n) + 1;
	}
	return t[key] > 0 ? t[key] - 1 : -1;
}

/* Compile a literal-led rule alone, anchored at the line start. */
static void
rule_compile_anchored(struct rule *r)
{
	struct buf pat = BUF_INIT;
	char err[300];
	const char *p;
	size_t len;

	p = rule_pattern(r, &len);
	buf_adds(&pat, "^(?:");
	buf_add(&pat, p, len);
	buf_adds(&pat, r->kind == KIND_LINE ? ")\\s*+$" : ")");
	r->arx = rx_compile(pat.p, pat.len, RX_CASELESS, err, sizeof(err));
	if (r->arx == NULL)
		pdie("%s: %s", r->why, err);
	buf_free(&pat);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * Walk the trie along the line: the rules whose literal prefix the line
 * starts with are tried, in rule order, while they come before best.
 */
static size_t
trie_match(const char *p, size_t len, size_t best, const char *label,
    unsigned long long lineno)
{
	/* Room for every entry of the trie: a line can spell the prefixes of
	 * all the rules (a user's rule file may have thousands). */
	size_t *cand = rules.cand, ncand = 0, d, j;
	uint32_t node = 0;
	int e, rc;

	if (rules.trie_head == NULL)
		return best;
	for (d = 0; d < len && d < PREFIX_LEN; d++) {
		unsigned c = (unsigned char)p[d];

		node = trie_find(node, c - 'A' < 26 ? c | 0x20 : c);
		if (node == 0)
			break;
		for (e = rules.trie_head[node]; e >= 0; e = rules.ent_next[e]) {
			size_t r = rules.ent_rule[e];

			if (r >= best ||
			    (len > LINE_RULE_MAX &&
				rules.v[r].kind != KIND_START))
				continue;
			cand[ncand++] = r;
		}
	}
	/* In rule order: the first rule that matches decides.  Few
	 * candidates are the rule; a user's rule file can make thousands. */
	if (ncand > 1)
		qsort(cand, ncand, sizeof(*cand), cmp_size);
	for (j = 0; j < ncand && cand[j] < best; j++) {
		struct rule *r = &rules.v[cand[j]];

		if (j > 0 && cand[j] == cand[j - 1])
			continue;
		if (r->arx == NULL)
			rule_compile_anchored(r);
		rc = rx_search(r->arx, p, len, 0);
		if (rc > 0)
			return cand[j];
		if (rc < 0)
			rules_limit(label, lineno);
	}
	return best;
}

/* Does the line hold the literal of gram k, whose gram ends at byte i? */
static int
gram_literal(const char *p, size_t len, size_t i, const struct gram *g)
{
	size_t start, t;

	if (i + 1 < 4 + (size_t)g->off)
		return 0;
	start = i + 1 - 4 - g->off;
	if (start + g->len > len)
		return 0;
	for (t = 0; t < g->len; t++) {
		unsigned c = (unsigned char)p[start + t];

		if ((c - 'A' < 26 ? c | 0x20 : c) != (unsigned char)g->lit[t])
			return 0;
	}
	return 1;
}

/* Try contains rule i on the line; 1 if it matches. */
static int
any_try(size_t i, const char *p, size_t len, const char *label,
    unsigned long long lineno)
{
	int rc = rx_search(rules.v[i].rx, p, len, 0);

	if (rc < 0)
		rules_limit(label, lineno);
	return rc > 0;
}

/*
 * The rules found through their grams: the line (of a line of prose, its
 * first and last GRAM_LONG bytes; of a line longer than ANY_MAX, nothing if
 * it is prose, else the first GRAM_LONG bytes, where a prefix rule's words
 * are) is run through
 * the bloom filter four bytes at a time; a hit whose
 * whole literal is there too has its rule tried.  Returns the first rule
 * in rule order that matches, if before best.
 */
static size_t
gram_scan(const char *p, size_t len, size_t from, size_t to, size_t best,
    const char *label, unsigned long long lineno)
{
	const unsigned char *q = (const unsigned char *)p;
	size_t i;
	int k;
	uint32_t g = 0;
	unsigned h;

	/* The first three bytes only fill the gram. */
	for (i = from; i < to && i < from + 3; i++)
		g = g << 8 | lower_byte[q[i]];
	for (; i < to; i++) {
		g = g << 8 | lower_byte[q[i]];
		/*
		 * The bloom bit alone: on news text it is set for about 1.4%
		 * of the bytes; a test of the last two bytes first cut that
		 * only to 1.2% and cost a branch that went either way.
		 */
		h = gram_hash(g);
		if (!((rules.bloom[h >> 6] >> (h & 63)) & 1))
			continue;
		for (k = rules.gram_head[h]; k >= 0; k = rules.gram_next[k]) {
			size_t r = rules.gram_rule[k];
			struct rule *rr = &rules.v[r];
			int rc;

			if (rules.gram[k].g != g || r >= best ||
			    !gram_literal(p, len, i, &rules.gram[k]))
				continue;
			if (rr->kind == KIND_ANY) {
				if (len <= ANY_MAX &&
				    any_try(r, p, len, label, lineno))
					best = r;
				continue;
			}
			if (rr->kind == KIND_LINE && len > LINE_RULE_MAX)
				continue;
			if (rr->arx == NULL)
				rule_compile_anchored(rr);
			rc = rx_search(rr->arx, p, len, 0);
			if (rc > 0)
				best = r;
			else if (rc < 0)
				rules_limit(label, lineno);
		}
	}
	return best;
}

static size_t
gram_match(const char *p, size_t len, int prose, size_t best, const char *label,
    unsigned long long lineno)
{
	if (len > ANY_MAX && prose)
		return best;
	if (len > ANY_MAX)
		return gram_scan(p, len, 0, GRAM_LONG, best, label, lineno);
	if (!prose || len <= (size_t)2 * GRAM_LONG)
		return gram_scan(p, len, 0, len, best, label, lineno);
	/* Prose: its head (phrases) and its tail (credits, copyright). */
	best = gram_scan(p, len, 0, GRAM_LONG, best, label, lineno);
	return gram_scan(p, len, len - GRAM_LONG, len, best, label, lineno);
}

/*
 * The first rule (in rule order) that matches p[0..len), or -1.  p is the
 * line without surrounding white space.
 */
static int
rules_match(const char *p, size_t len, int prose, const char *label,
    unsigned long long lineno)
{
	size_t best = (size_t)-1, i;
	struct bucket *b;
	const size_t *ov;
	int bi, rc;

	if (len == 0)
		return -1;
	if (len == 1)
		bi = rules.short_bucket[(unsigned char)*p];
	else
		bi = pair_bucket(len > LINE_RULE_MAX, (unsigned char)p[0],
		    (unsigned char)p[1]);
	if (bi >= 0) {
		b = &rules.bucket[bi];
		if (b->rx == NULL)
			bucket_compile(b);
		rc = rx_search(b->rx, p, len, 0);
		if (rc > 0) {
			ov = rx_ovector(b->rx);
			for (i = 0; i < b->n; i++)
				if (ov[2 * (size_t)b->marker[i]] != RX_UNSET) {
					best = b->rule[i];
					break;
				}
		} else if (rc < 0) {
			rules_limit(label, lineno);
		}
	}
	best = trie_match(p, len, best, label, lineno);
	if (len <= ANY_MAX)
		for (i = 0; i < rules.nalways; i++)
			if (rules.always[i] < best &&
			    any_try(rules.always[i], p, len, label, lineno))
				best = rules.always[i];
	if (rules.ngrams > 0)
		best = gram_match(p, len, prose, best, label, lineno);
	return best == (size_t)-1 ? -1 : (int)best;
}

static void
rules_load(void)
{
	size_t i;

	if (!opt.no_default_rules)
		for (i = 0; builtin_rules[i] != NULL; i++)
			rule_parse("builtin", (unsigned long)i + 1,
			    builtin_rules[i], strlen(builtin_rules[i]));
	for (i = 0; i < opt.nrule_files; i++)
		rules_load_file(opt.rule_files[i]);
	if (opt.list_rules)
		return;
	rules_index();
}

/* ------------------------------------------------------------------ */
/* Line features.                                                      */

/*
 * English function words.  A line of prose is full of them; menus,
 * headlines, bylines and captions have few.  Packed into 64-bit keys
 * (words of at most 8 letters) in a small open-addressing table.
 */
static const char *const stopword_list[] = {"a", "about", "above", "after",
    "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "even", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "may", "me", "might", "more", "most", "much", "must",
    "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "out", "over", "own", "same", "said",
    "says", "she", "should", "since", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "would", "yet", "you", "your",
    "yours", "still", "though", "although", "its", "many", NULL};

/*
 * Bytes by class for the word scan: word bytes (letters, digits, UTF-8,
 * apostrophes), and among them lower-case letters, capitals and digits.
 */
#define WC_WORD 1
#define WC_LOWER 2
#define WC_UPPER 4
#define WC_DIGIT 8
static unsigned char word_class[256];

/*
 * A word of at most 8 bytes is looked up by a key: its bytes ORed with
 * 0x20 (which lower-cases letters and turns nothing else into one, so
 * only words of letters can equal a stopword), loaded into a uint64_t in
 * memory order and the rest zeroed with key_mask[length].  Stopwords are
 * packed the same way, so the keys agree on any byte order.
 */
static uint64_t key_mask[9];
static uint64_t key_or;
static int little_endian; /* the word scan's SWAR path needs it */

/*
 * The stopword keys in STOP_BUCKETS buckets of STOP_WAYS slots (0: empty),
 * by a multiplier chosen at start so that no bucket overflows: a lookup
 * compares the key with one bucket's slots, without branches.
 */
#define STOP_BUCKETS 512
#define STOP_WAYS 2
static _Alignas(64) uint64_t stop_table[STOP_BUCKETS * STOP_WAYS];
static uint64_t stop_mult;

static size_t
stop_bucket(uint64_t key, uint64_t mult)
{
	return (size_t)((key * mult) >> 55) * STOP_WAYS;
}

/* The key of the n (at most 8) bytes at w; lim bytes are readable at w. */
static uint64_t
word_key(const unsigned char *w, size_t n, size_t lim)
{
	unsigned char b[8] = {0};
	uint64_t v;

	if (lim >= 8) {
		memcpy(&v, w, 8);
	} else {
		memcpy(b, w, n);
		memcpy(&v, b, 8);
	}
	return (v | key_or) & key_mask[n];
}

static void
stop_init(void)
{
	size_t i, j, n, bucket;
	uint64_t key;
	unsigned char b[8];

	memset(word_class, 0, sizeof(word_class));
	for (i = 0; i < 256; i++)
		lower_byte[i] =
		    (unsigned char)(i >= 'A' && i <= 'Z' ? i | 0x20 : i);
	for (i = 0; i < 256; i++) {
		if (i >= 'a' && i <= 'z')
			word_class[i] = WC_WORD | WC_LOWER;
		else if (i >= 'A' && i <= 'Z')
			word_class[i] = WC_WORD | WC_UPPER;
		else if (i >= '0' && i <= '9')
			word_class[i] = WC_WORD | WC_DIGIT;
		else if (i >= 0x80 || i == '\'')
			word_class[i] = WC_WORD;
	}
	memset(b, 0x20, sizeof(b));
	memcpy(&key_or, b, 8);
	key = 1;
	memcpy(b, &key, 8);
	little_endian = b[0] == 1;
	for (n = 0; n <= 8; n++) {
		memset(b, 0, sizeof(b));
		memset(b, 0xFF, n);
		memcpy(&key_mask[n], b, 8);
	}
	/*
	 * The first multiplier of a fixed sequence that fits every key (the
	 * list is fixed, so this ends: the second one does).
	 */
	for (stop_mult = 0x9E3779B97F4A7C15ULL;;
	     stop_mult += 0x5851F42D4C957F2EULL) {
		memset(stop_table, 0, sizeof(stop_table));
		for (i = 0; stopword_list[i] != NULL; i++) {
			n = strlen(stopword_list[i]);
			if (n > 8)
				continue;
			key = word_key(
			    (const unsigned char *)stopword_list[i], n, n);
			bucket = stop_bucket(key, stop_mult);
			for (j = 0;
			     j < STOP_WAYS && stop_table[bucket + j] != 0 &&
			     stop_table[bucket + j] != key;
			     j++)
				;
			if (j == STOP_WAYS)
				break;
			stop_table[bucket + j] = key;
		}
		if (stopword_list[i] == NULL)
			break;
	}
}

/* Is key (not 0) the key of a stopword? */
static unsigned
is_stopword(uint64_t key)
{
	const uint64_t *t = &stop_table[stop_bucket(key, stop_mult)];
	unsigned hit = 0, j;

	for (j = 0; j < STOP_WAYS; j++)
		hit |= t[j] == key;
	return hit;
}

/*
 * The index of the lowest set bit of x (not 0), by a de Bruijn sequence
 * (compilers turn this form into one instruction where there is one).
 */
static unsigned
bit_index(uint64_t x)
{
	static const unsigned char index[64] = {0, 1, 48, 2, 57, 49, 28, 3, 61,
	    58, 50, 42, 38, 29, 17, 4, 62, 55, 59, 36, 53, 51, 43, 22, 45, 39,
	    33, 30, 24, 18, 12, 5, 63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52,
	    21, 44, 32, 23, 11, 46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9,
	    13, 8, 7, 6};

	return index[(x & (0 - x)) * 0x03F79D71B4CB0A89ULL >> 58];
}

/* How a line reads. */
enum shape {
	SHAPE_BLANK,
	SHAPE_SHORT, /* a few words, no sentence: a heading, a menu item */
	SHAPE_PROSE, /* a sentence of some length */
	SHAPE_LONG   /* a paragraph: clearly prose */
};

struct features {
	size_t len;                /* bytes without surrounding white space */
	unsigned words;            /* words in the first SCAN_MAX bytes */
	unsigned stops;            /* stopwords among them */
	unsigned lower;            /* words starting with a lower-case letter */
	unsigned capwords;         /* words starting with a capital */
	unsigned numwords;         /* words starting with a digit */
	unsigned char term;        /* ends with . ! ? or an ellipsis */
	unsigned char period;      /* ends with a full stop */
	unsigned char bar;         /* holds " | ": a site title, a menu row */
	unsigned char credit;      /* ends with a photo credit */
	unsigned char byline;      /* reads like a byline: a name and a place */
	unsigned char colon;       /* ends with ':' */
	unsigned char bullet;      /* starts with a bullet or dash */
	unsigned char first_upper; /* starts with a capital letter or digit */
	unsigned char shape;
};

static int
is_space_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trim ASCII white space and no-break spaces around p[0..*len). */
static const char *
trim(const char *p, size_t *len)
{
	size_t n = *len;

	for (;;) {
		if (n > 0 && is_space_byte((unsigned char)*p)) {
			p++;
			n--;
		} else if (n >= 2 && (unsigned char)p[0] == 0xC2 &&
		    (unsigned char)p[1] == 0xA0) {
			p += 2;
			n -= 2;
		} else {
			break;
		}
	}
	for (;;) {
		if (n > 0 && is_space_byte((unsigned char)p[n - 1]))
			n--;
		else if (n >= 2 && (unsigned char)p[n - 2] == 0xC2 &&
		    (unsigned char)p[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	*len = n;
	return p;
}

/* A capital letter or the first byte of a non-ASCII letter. */
static int
capital(unsigned c)
{
	return (c >= 'A' && c <= 'Z') || c >= 0xC3;
}

/*
 * Does the line end with a photo credit, "AGENCY/Name Name" or
 * "Name Name/Agency": a slash in the last 48 bytes, a capitalised word
 * before it, one to four capitalised words after it and nothing else?
 */
static int
credit_ending(const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len, *q, *slash = NULL;
	int words = 0;

	if (len > 0 && end[-1] == '.')
		end--;
	/* The last slash in the last 48 bytes (memchr is fast on most lines,
	 * which have none). */
	q = end - p > 48 ? end - 48 : p;
	while ((q = memchr(q, '/', (size_t)(end - q))) != NULL)
		slash = q++;
	if (slash == NULL || slash - p < 2)
		return 0;
	/* The word before the slash. */
	q = slash;
	if (q > p && q[-1] == ' ')
		q--;
	while (q > p && q[-1] != ' ')
		q--;
	if (!capital(*q) || slash - q < 2)
		return 0;
	/* Capitalised words after it. */
	q = slash + 1;
	if (q < end && *q == ' ')
		q++;
	while (q < end) {
		if (!capital(*q))
			return 0;
		while (q < end && *q != ' ' && *q != '/' && *q != ':')
			q++;
		if (q < end && *q != ' ')
			return 0;
		words++;
		while (q < end && *q == ' ')
			q++;
	}
	return words >= 1 && words <= 4;
}

/*
 * A byline by its shape: two or three capitalised words (a name), then
 * "in", "at" or "from" or a comma, then one to four capitalised words ("Ann
 * Lee in Paris", "Ann Lee, The Courier"); or a name and an @handle.
 */
static int
byline_shape(const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len, *w;
	int names = 0, after = 0, joined = 0;

	if (len > 64 || len == 0 || !capital(*p))
		return 0;
	while (p < end) {
		w = p;
		while (p < end && *p != ' ')
			p++;
		if (!joined) {
			if (*w == '@')
				return names >= 1 && p == end;
			if (names >= 2 &&
			    (((p - w == 2 &&
				 (memcmp(w, "in", 2) == 0 ||
				     memcmp(w, "at", 2) == 0))) ||
				(p - w == 4 && memcmp(w, "from", 4) == 0))) {
				joined = 1;
			} else if (capital(*w) && names < 3) {
				names++;
				if (p[-1] == ',' && names >= 2)
					joined = 1;
			} else {
				return 0;
			}
		} else if (capital(*w) ||
		    (after == 0 && p - w == 3 && memcmp(w, "the", 3) == 0)) {
			after++;
		} else {
			return 0;
		}
		if (p < end)
			p++;
	}
	return joined && after >= 1 && after <= 4;
}

/* Does p[0..len) hold " | "? */
static int
memmem_bar(const unsigned char *p, size_t len)
{
	const unsigned char *q = p, *end = p + len;

	while ((q = memchr(q, '|', (size_t)(end - q))) != NULL) {
		if (q > p && q + 1 < end && q[-1] == ' ' && q[1] == ' ')
			return 1;
		q++;
	}
	return 0;
}

/* The end of the line: closing quotes and brackets are looked through. */
static void
line_ending(const unsigned char *p, size_t n, struct features *f)
{
	while (n > 0) {
		unsigned char c = p[n - 1];

		if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*' ||
		    c == ' ') {
			n--;
		} else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
		    (p[n - 1] == 0x9D || p[n - 1] == 0x99)) {
			n -= 3; /* ” ’ */
		} else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xBB) {
			n -= 2; /* » */
		} else {
			break;
		}
	}
	if (n == 0)
		return;
	switch (p[n - 1]) {
	case '.':
		f->period = 1;
		f->term = 1;
		break;
	case '!':
	case '?':
		f->term = 1;
		break;
	case ':':
		f->colon = 1;
		break;
	case 0xA6:
		if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80)
			f->term = 1; /* … */
		break;
	default:
		break;
	}
}

/*
 * The word bytes (WC_WORD: letters, digits, the apostrophe, bytes of
 * 0x80 or more) of the 8 bytes at p as bits 0..7, on a little-endian
 * host (where byte i of the load is bits 8i..8i+7).
 */
static uint64_t
word_bits8(const unsigned char *p)
{
	uint64_t v = swar_load(p), word;

	word = swar_high(v) | swar_letters(v) | swar_digits(v) |
	    swar_range(v, '\'', '\'');
	return swar_bits(word);
}

/*
 * Count the words of p[0..n) (runs of word bytes; lim >= n bytes are
 * readable at p) and among them the stopwords and those starting with a
 * lower-case letter, a capital or a digit.  One pass of table lookups
 * marks the word bytes in bit masks; the words are then visited by their
 * first and last bytes, so the loop does not branch on every byte.
 */
static void
word_scan(const unsigned char *p, size_t n, size_t lim, struct features *f)
{
	uint64_t mask[SCAN_CHUNKS] = {0}, ends[SCAN_CHUNKS] = {0}, starts, m,
		 bits;
	size_t nchunks = (n + 63) / 64, k, i, s, e, ek = 0, len;
	unsigned cls, words = 0, stops = 0, lower = 0, capwords = 0;
	unsigned numwords = 0;

	for (k = 0; k < nchunks; k++) {
		size_t lo = k * 64, hi = n - lo < 64 ? n : lo + 64, t;

		m = 0;
		for (i = lo; i < hi; i += 8) {
			uint64_t bits8 = 0;

			if (little_endian && i + 8 <= lim) {
				bits8 = word_bits8(p + i);
			} else {
				for (t = 0; t < 8 && i + t < hi; t++)
					bits8 |=
					    (uint64_t)(word_class[p[i + t]] &
						WC_WORD)
					    << t;
			}
			m |= bits8 << (i - lo);
		}
		/* word_bits8 may have read past hi. */
		if (hi - lo < 64)
			m &= ((uint64_t)1 << (hi - lo)) - 1;
		mask[k] = m;
	}
	/* A word's last byte: a word byte not followed by one. */
	for (k = 0; k < nchunks; k++)
		ends[k] = mask[k] &
		    ~(mask[k] >> 1 | (k + 1 < nchunks ? mask[k + 1] << 63 : 0));
	bits = nchunks > 0 ? ends[0] : 0;
	for (k = 0; k < nchunks; k++) {
		/* A word's first byte: a word byte not after one. */
		starts =
		    mask[k] & ~(mask[k] << 1 | (k > 0 ? mask[k - 1] >> 63 : 0));
		while (starts != 0) {
			s = k * 64 + bit_index(starts);
			starts &= starts - 1;
			while (bits == 0)
				bits = ends[++ek];
			e = ek * 64 + bit_index(bits);
			bits &= bits - 1;
			cls = word_class[p[s]];
			words++;
			lower += (cls & WC_LOWER) != 0;
			capwords += (cls & WC_UPPER) != 0;
			numwords += (cls & WC_DIGIT) != 0;
			/*
			 * Every word is looked up (a word of more than 8
			 * bytes by its first 8, its answer dropped), so that
			 * nothing here branches on the text.
			 */
			len = e - s + 1;
			stops += (len <= 8) &
			    is_stopword(
				word_key(p + s, len <= 8 ? len : 8, lim - s));
		}
	}
	f->words = words;
	f->stops = stops;
	f->lower = lower;
	f->capwords = capwords;
	f->numwords = numwords;
}

static void
line_features(const char *line, size_t len, struct features *f)
{
	const unsigned char *p;

	memset(f, 0, sizeof(*f));
	p = (const unsigned char *)trim(line, &len);
	f->len = len;
	if (len == 0) {
		f->shape = SHAPE_BLANK;
		return;
	}
	line_ending(p, len, f);
	f->bar = len >= 3 && memmem_bar(p, len < SCAN_MAX ? len : SCAN_MAX);
	f->credit = len <= ANY_MAX && credit_ending(p, len);
	f->byline = byline_shape(p, len);
	f->first_upper =
	    (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p >= 0xC3;
	if (*p == '-' || *p == '*' ||
	    (len >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
		(p[2] == 0xA2 || p[2] == 0x93 || p[2] == 0x94)))
		f->bullet = 1;
	/*
	 * Words: a short line is read in full; a long one by its first
	 * SCAN_LONG bytes, which stand for the whole of it.
	 */
	word_scan(p, len <= SCAN_MAX ? len : SCAN_LONG, len, f);
	if (len > SCAN_MAX) {
		unsigned scale = (unsigned)(len / SCAN_LONG);

		f->words *= scale;
		f->stops *= scale;
		f->lower *= scale;
		f->capwords *= scale;
		f->numwords *= scale;
	}
	if ((f->words >= 25 && f->stops * 8 >= f->words) ||
	    (f->words >= 30 && f->term) || /* prose in another language */
	    (f->words >= 14 && f->term && f->stops * 6 >= f->words &&
		f->lower * 3 >= f->words))
		f->shape = SHAPE_LONG;
	else if (f->words >= 6 && f->term && f->stops >= 1 && f->lower >= 2)
		f->shape = SHAPE_PROSE;
	else
		f->shape = SHAPE_SHORT;
}

/* ------------------------------------------------------------------ */
/* Fingerprint sets: lines seen in this document, lines seen across.   */

struct fpset {
	uint64_t *key; /* 0: empty slot */
	unsigned char *val;
	unsigned *doc; /* --learn: last document that counted it */
	size_t mask, used, cap;
	unsigned gen; /* changes when slots move (grow, clear) */
};

static void
fpset_init(struct fpset *s, size_t cap, int with_doc)
{
	memset(s, 0, sizeof(*s));
	s->cap = cap;
	s->mask = 1023;
	s->key = xcalloc(s->mask + 1, sizeof(*s->key));
	s->val = xcalloc(s->mask + 1, 1);
	if (with_doc)
		s->doc = xcalloc(s->mask + 1, sizeof(*s->doc));
}

static void
fpset_free(struct fpset *s)
{
	free(s->key);
	free(s->val);
	free(s->doc);
	memset(s, 0, sizeof(*s));
}

static void
fpset_clear(struct fpset *s)
{
	memset(s->key, 0, (s->mask + 1) * sizeof(*s->key));
	s->used = 0;
	s->gen++;
}

static void
fpset_grow(struct fpset *s)
{
	size_t n = (s->mask + 1) * 2, i, j;
	uint64_t *key = xcalloc(n, sizeof(*key));
	unsigned char *val = xcalloc(n, 1);
	unsigned *doc = s->doc != NULL ? xcalloc(n, sizeof(*doc)) : NULL;

	for (i = 0; i <= s->mask; i++) {
		if (s->key[i] == 0)
			continue;
		for (j = s->key[i] & (n - 1); key[j] != 0;
		     j = (j + 1) & (n - 1))
			;
		key[j] = s->key[i];
		val[j] = s->val[i];
		if (doc != NULL)
			doc[j] = s->doc[i];
	}
	free(s->key);
	free(s->val);
	free(s->doc);
	s->key = key;
	s->val = val;
	s->doc = doc;
	s->mask = n - 1;
	s->gen++;
}

/*
 * Find fp; with add, insert it when missing (val 0xFF).  Returns the slot,
 * or (size_t)-1 when it is missing and was not added.  *fresh tells an
 * insertion.  The set never grows past its cap: when full it is cleared
 * (per-document set) or stops taking new keys (learning set).
 */
static size_t
fpset_find(struct fpset *s, uint64_t fp, int add, int *fresh)
{
	size_t j;

	if (fp == 0)
		fp = 1;
	*fresh = 0;
	for (j = fp & s->mask; s->key[j] != 0; j = (j + 1) & s->mask)
		if (s->key[j] == fp)
			return j;
	if (!add)
		return (size_t)-1;
	if (s->used + 1 > (s->mask + 1) / 2) {
		if ((s->mask + 1) * 2 > s->cap) {
			if (s->doc != NULL)
				return (size_t)-1;
			fpset_clear(s);
		} else {
			fpset_grow(s);
		}
		for (j = fp & s->mask; s->key[j] != 0; j = (j + 1) & s->mask)
			;
	}
	s->key[j] = fp;
	s->val[j] = 0xFF;
	if (s->doc != NULL)
		s->doc[j] = 0;
	s->used++;
	*fresh = 1;
	return j;
}

/* The fingerprint of a trimmed line. */
static uint64_t
line_fp(const char *p, size_t len)
{
	p = trim(p, &len);
	return hash64(p, len, 0x6465636c75747472ULL);
}

/* ------------------------------------------------------------------ */
/* The window and the decision.                                        */

/* What the line is, before context. */
enum signal {
	SIG_BLANK,
	SIG_WEAK,       /* short, no rule: context decides */
	SIG_PROSE,      /* a sentence: content unless hemmed in by furniture */
	SIG_LONG,       /* a paragraph: content */
	SIG_FURN,       /* a rule or a repetition said furniture */
	SIG_SEE_THROUGH /* an ad slot or a label: context looks past it */
};

struct slot {
	struct buf text; /* the line's bytes, unless it is huge */
	int crlf, nonl, huge;
	unsigned long long lineno;
	struct features f;
	uint64_t fp;
	size_t seen_slot;  /* its slot in the seen set ... */
	unsigned seen_gen; /* ... while the set keeps this generation */
	int rule;          /* index into rules.v, or -1 */
	unsigned char sig;
	unsigned char cat;      /* the signal's category, then the verdict's */
	unsigned char repeated; /* seen before in this document */
	unsigned char learned;  /* recurs across the run's documents */
	unsigned char decided;
	unsigned char kept;
	const char *why;
};

static struct slot ring[WINDOW];

/* Per-document state. */
static struct {
	const char *label;
	unsigned long long next;       /* lines read */
	unsigned long long done;       /* lines decided */
	int after_end;                 /* category of the end marker, or 0 */
	int seen_content;              /* a content line was decided */
	int headline;                  /* a headline was kept */
	unsigned paragraphs;           /* paragraphs kept so far */
	unsigned long long standfirst; /* line that may carry on the top */
	unsigned long docno;
} doc;

static struct fpset seen;    /* lines of this document */
static struct fpset learned; /* --learn: documents per line */
static unsigned learn_min;   /* documents a line must be in to be learned */

#define SLOT(i) (&ring[(i) & (WINDOW - 1)])

static int
see_through(const struct slot *s)
{
	return s->sig == SIG_SEE_THROUGH ||
	    (s->decided && !s->kept &&
		(s->cat == CAT_AD || s->cat == CAT_LABEL));
}

/*
 * The nearest decided line before i that is neither blank nor an ad slot
 * or label, within the remembered lines; NULL at the document start.
 */
static const struct slot *
prev_decided(unsigned long long i)
{
	unsigned long long j;
	const struct slot *s;

	for (j = i; j > 0 && i - j < BEHIND; j--) {
		s = SLOT(j - 1);
		if (s->sig == SIG_BLANK || see_through(s))
			continue;
		return s;
	}
	return NULL;
}

/* What lies after line i: the first line with a strong signal. */
struct ahead {
	const struct slot *s; /* NULL: the document or the window ends */
	unsigned weak;        /* weak lines passed on the way */
	unsigned dist;        /* lines from i to s */
};

static struct ahead
next_strong(unsigned long long i)
{
	struct ahead a = {NULL, 0, 0};
	unsigned long long j;
	const struct slot *s;

	for (j = i + 1; j < doc.next; j++) {
		s = SLOT(j);
		a.dist++;
		if (s->sig == SIG_BLANK || s->sig == SIG_SEE_THROUGH)
			continue;
		if (s->sig == SIG_WEAK) {
			a.weak++;
			continue;
		}
		a.s = s;
		break;
	}
	return a;
}

/*
 * Is line i inside a box of furniture: is there a furniture line (not an
 * ad slot or a label) at most BOX_SPAN lines ahead, with only sentences
 * and short lines, no paragraph, on the way?
 */
#define BOX_SPAN 4

static int
furniture_ahead(unsigned long long i)
{
	unsigned long long j;
	const struct slot *s;

	for (j = i + 1; j < doc.next && j <= i + BOX_SPAN; j++) {
		s = SLOT(j);
		if (s->sig == SIG_FURN)
			return 1;
		if (s->sig == SIG_LONG)
			return 0;
	}
	return 0;
}

/*
 * Is there a paragraph anywhere ahead of line i in the window?  Prose
 * before the first paragraph is page furniture only when an article
 * starts further down; a short text made of prose lines alone is the
 * article itself.
 */
static int
paragraph_ahead(unsigned long long i)
{
	unsigned long long j;

	for (j = i + 1; j < doc.next; j++)
		if (SLOT(j)->sig == SIG_LONG)
			return 1;
	return 0;
}

static int
strong_content(const struct slot *s)
{
	return s->sig == SIG_LONG || s->sig == SIG_PROSE;
}

/* A line that can be a headline: a few words, no sentence ending. */
static int
headline_like(const struct features *f)
{
	return f->words >= 5 && f->words <= 30 && !f->colon && !f->bullet &&
	    f->lower < f->words && f->numwords * 3 < f->words;
}

/* A sub-heading: a few words, starting with a capital, no full stop. */
static int
heading_like(const struct features *f)
{
	return f->words >= 1 && f->words <= 10 && f->first_upper &&
	    !(f->period && f->words > 3);
}

/* A line that reads like a headline and has no rule or repetition. */
static int
top_candidate(const struct slot *s)
{
	return (s->sig == SIG_WEAK || s->sig == SIG_PROSE) &&
	    headline_like(&s->f) && !s->f.period && !s->f.bar;
}

/*
 * Is line i the headline?  It reads like one, a paragraph follows in the
 * window, and no other headline-like line stands between them, apart from
 * the lines right after it (the standfirst).  Menus, taglines and kickers
 * come earlier on the page; the headline is the last such line before the
 * story.
 */
static int
is_headline(unsigned long long i)
{
	unsigned long long j = i + 1;
	const struct slot *s;
	int byline = 0;

	if (!top_candidate(SLOT(i)))
		return 0;
	for (; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_BLANK)
			continue;
		if ((s->sig != SIG_WEAK && s->sig != SIG_PROSE) ||
		    s->f.words < 8)
			break;
	}
	for (; j < doc.next; j++) {
		s = SLOT(j);
		if (s->sig == SIG_LONG)
			return 1;
		if (s->sig == SIG_FURN && s->cat == CAT_META)
			byline = 1;
		else if (top_candidate(s) && !byline)
			return 0;
	}
	return 0;
}

/*
 * The top of the page, before the first paragraph: menus, kickers, the
 * headline, the standfirst, bylines.
 */
static int
decide_top(unsigned long long i, struct slot *s, const struct slot *p)
{
	if (!doc.headline && is_headline(i)) {
		s->cat = CAT_CONTENT;
		s->why = "headline";
		doc.headline = 1;
		doc.standfirst = i + 1;
		return 1;
	}
	if (doc.headline && doc.standfirst != 0 && p != NULL && p->kept &&
	    p->lineno == doc.standfirst && s->f.words >= 5) {
		s->cat = CAT_CONTENT;
		s->why = "standfirst";
		doc.standfirst = i + 1;
		return 1;
	}
	return 0;
}

/*
 * The category of a short line in a run of furniture: the widget's when
 * the lines on both sides share one and the run is short (a line or two,
 * like the "or" between two account buttons), else a menu entry's (a few
 * capitalised words), else that of the line before.
 */
static unsigned char
run_category(const struct slot *s, const struct slot *p, const struct slot *n,
    unsigned run)
{
	if (p != NULL && n != NULL && p->cat == n->cat && run <= 1)
		return p->cat;
	if (s->f.words <= 3 && heading_like(&s->f))
		return CAT_NAV;
	return p != NULL ? p->cat : n != NULL ? n->cat : CAT_NAV;
}

static void
decide_context(unsigned long long i, struct slot *s)
{
	const struct slot *p = prev_decided(i);
	struct ahead a = next_strong(i);
	int p_content = p != NULL && p->kept && p->cat == CAT_CONTENT;
	int p_furn = p != NULL && !(p->kept && p->cat == CAT_CONTENT);
	int n_content = a.s != NULL && strong_content(a.s);
	int n_furn = a.s != NULL && a.s->sig == SIG_FURN;

	if (doc.paragraphs == 0 && decide_top(i, s, p))
		return;
	if (s->sig == SIG_PROSE) {
		if (p_furn && n_furn && a.dist <= 3) {
			s->cat = p->cat;
			s->why = "prose-between-furniture";
		} else if (p_furn && doc.paragraphs > 0 && furniture_ahead(i)) {
			s->cat = p->cat;
			s->why = "sentence-in-box";
		} else if (doc.paragraphs == 0 && !doc.headline &&
		    paragraph_ahead(i)) {
			s->cat = p_furn ? p->cat : CAT_NAV;
			s->why = "prose-at-top";
		} else {
			s->cat = CAT_CONTENT;
			s->why = "sentence";
		}
		return;
	}
	/* A short line. */
	if (p_content && n_content) {
		s->cat = CAT_CONTENT;
		s->why = "short-between-paragraphs";
	} else if (p_furn && n_furn) {
		s->cat = run_category(s, p, a.s, a.weak);
		s->why = "short-between-furniture";
	} else if (p_content && n_furn) {
		if (s->f.term && s->f.words >= 4) {
			s->cat = CAT_CONTENT;
			s->why = "short-sentence";
		} else {
			s->cat = a.s->cat;
			s->why = "short-before-furniture";
		}
	} else if (p_furn && n_content && doc.headline && a.weak == 0 &&
	    a.s->sig == SIG_LONG && heading_like(&s->f) &&
	    !(p->cat == CAT_MEDIA && p->f.words <= 4)) {
		s->cat = CAT_CONTENT;
		s->why = "heading-after-furniture";
	} else if (p_furn && n_content && doc.headline && doc.paragraphs == 0 &&
	    s->f.words >= 4 && !(p->cat == CAT_MEDIA && p->f.words <= 4)) {
		s->cat = CAT_CONTENT;
		s->why = "list-before-story";
	} else if (p_furn) {
		s->cat = run_category(s, p, NULL, 0);
		s->why = "short-after-furniture";
	} else if (p_content) {
		/* Nothing strong follows in the window: a long run of short
		 * capitalised lines is a menu (a footer), a line or two is
		 * the story's end. */
		if (a.weak >= 3 && heading_like(&s->f) && !s->f.term) {
			s->cat = CAT_NAV;
			s->why = "short-run";
		} else {
			s->cat = CAT_CONTENT;
			s->why = "short-after-paragraph";
		}
	} else if (a.s == NULL && !(s->f.words <= 3 && heading_like(&s->f))) {
		/* Nothing around says furniture, nor does it read like a
		 * menu entry: keep it. */
		s->cat = CAT_CONTENT;
		s->why = "short-no-evidence";
	} else {
		s->cat = n_furn ? a.s->cat : CAT_NAV;
		s->why = "short-at-top";
	}
}

/* Does the text of b start with the lower-case word w (any case)? */
static int
starts_with(const struct buf *b, const char *w)
{
	size_t n = strlen(w), i;

	if (b->len < n)
		return 0;
	for (i = 0; i < n; i++)
		if (lower_byte[(unsigned char)b->p[i]] != (unsigned char)w[i])
			return 0;
	return 1;
}

/*
 * A caption: a sentence of fewer than 40 words right above a photo credit
 * ("Ann Lee/The Courier", "Photograph by Ann Lee"; not "Image source",
 * which comes above the picture).
 */
static int
caption_before_credit(unsigned long long i)
{
	const struct slot *s = SLOT(i), *n = NULL;
	unsigned long long j;

	if (!s->f.period || s->f.words >= 40)
		return 0;
	for (j = i + 1; j < doc.next; j++) {
		n = SLOT(j);
		if (n->sig != SIG_BLANK)
			break;
		n = NULL;
	}
	if (n == NULL || n->sig != SIG_FURN || n->cat != CAT_MEDIA || n->huge)
		return 0;
	if (n->f.credit)
		return n->text.len > 0 && n->text.p[0] != '(';
	return n->f.words <= 12 && starts_with(&n->text, "photograph");
}

/* Decide line i, all of whose lookahead that exists has been read. */
static void
decide(unsigned long long i)
{
	struct slot *s = SLOT(i);
	const struct rule *r;
	const struct slot *p;
	size_t k;
	int fresh, first;

	s->kept = 0;
	if (s->sig == SIG_BLANK) {
		p = prev_decided(i);
		s->cat = p != NULL ? p->cat : CAT_CONTENT;
		if (p != NULL && !p->kept)
			s->cat = p->cat;
		else
			s->cat = CAT_CONTENT;
		s->why = "blank";
	} else if (s->rule >= 0) {
		r = &rules.v[s->rule];
		s->cat = r->cat;
		s->why = r->why;
		if (r->weak) {
			p = prev_decided(i);
			if (p != NULL && !p->kept)
				s->cat = p->cat;
		}
		if (r->end && doc.paragraphs > 0)
			doc.after_end = r->cat;
	} else if (s->f.credit) {
		s->cat = CAT_MEDIA;
		s->why = "photo-credit";
	} else if (s->f.byline) {
		s->cat = CAT_META;
		s->why = "byline";
	} else if (s->repeated) {
		k = fpset_find(&seen, s->fp, 0, &fresh);
		first = k != (size_t)-1 ? seen.val[k] : 0xFF;
		if (first != 0xFF && first != CAT_CONTENT &&
		    s->sig == SIG_WEAK) {
			/* A menu entry that is also a sub-heading. */
			decide_context(i, s);
			if (s->cat != CAT_CONTENT) {
				s->cat = first;
				s->why = "repeated-in-document";
			}
		} else {
			s->cat = first != 0xFF && first != CAT_CONTENT
			    ? first
			    : CAT_META;
			s->why = "repeated-in-document";
		}
	} else if (s->learned) {
		p = prev_decided(i);
		s->cat = p != NULL && !p->kept ? p->cat : CAT_NAV;
		s->why = "repeated-across-documents";
	} else if (doc.after_end) {
		struct ahead a = next_strong(i);

		if (s->sig == SIG_LONG && a.s != NULL && a.s->sig == SIG_LONG &&
		    a.weak == 0) {
			s->cat = CAT_CONTENT;
			s->why = "prose-after-end-marker";
			doc.after_end = 0;
		} else {
			p = prev_decided(i);
			s->cat = (unsigned char)doc.after_end;
			/* A headline after the comments: a related list. */
			if (doc.after_end == CAT_COMMENTS && s->f.words >= 4 &&
			    !s->f.term && s->f.first_upper && !s->f.colon)
				s->cat = CAT_RELATED;
			if (doc.after_end != CAT_COMMENTS && p != NULL &&
			    !p->kept)
				s->cat = run_category(s, p, NULL, 0);
			else if (doc.after_end != CAT_COMMENTS &&
			    s->f.words <= 3 && heading_like(&s->f))
				s->cat = CAT_NAV;
			s->why = "after-end-marker";
		}
	} else if (caption_before_credit(i)) {
		s->cat = CAT_MEDIA;
		s->why = "caption";
	} else if (s->sig == SIG_LONG) {
		s->cat = CAT_CONTENT;
		s->why = "paragraph";
	} else {
		decide_context(i, s);
	}
	if (s->cat == CAT_CONTENT || opt.keep[s->cat])
		s->kept = 1;
	if (s->cat == CAT_CONTENT && s->sig != SIG_BLANK)
		doc.seen_content = 1;
	if (s->cat == CAT_CONTENT && s->sig == SIG_LONG)
		doc.paragraphs++;
	s->decided = 1;
	if (s->sig != SIG_BLANK && !s->repeated) {
		/* The first copy gives later ones its category. */
		k = seen.gen == s->seen_gen
		    ? s->seen_slot
		    : fpset_find(&seen, s->fp, 0, &fresh);
		if (k != (size_t)-1 && seen.val[k] == 0xFF)
			seen.val[k] = s->cat;
	}
}

/* ------------------------------------------------------------------ */
/* Output.                                                             */

static void
write_line(const struct slot *s, const char *p, size_t len)
{
	struct line l;

	l.p = p;
	l.len = len;
	l.crlf = s->crlf;
	l.nonl = s->nonl;
	if (opt.explain) {
		out_putc(s->kept ? '+' : '-');
		out_putc('\t');
		out_puts(cat_names[s->cat]);
		out_putc('\t');
		out_puts(s->why);
		out_putc('\t');
		out_line(&l);
	} else if (opt.mark) {
		if (s->kept) {
			out_line(&l);
		} else if (common.color) {
			out_printf(SGR_DIM "[%s] ", cat_names[s->cat]);
			out_write(p, len);
			out_puts(SGR_RESET);
			out_puts(s->crlf ? "\r\n" : "\n");
		} else {
			out_printf("[%s] ", cat_names[s->cat]);
			out_line(&l);
		}
	} else if (s->kept != opt.invert) {
		out_line(&l);
	} else {
		return;
	}
	out_end_record();
}

/* Decide and write line i (its bytes are in the slot). */
static void
flush_one(unsigned long long i)
{
	struct slot *s = SLOT(i);

	decide(i);
	if (!s->huge)
		write_line(s, s->text.p, s->text.len);
	doc.done = i + 1;
}

/* Fill the slot of the line just read. */
static void
classify(struct slot *s, const struct line *line)
{
	int fresh;
	size_t k;

	s->lineno = doc.next + 1;
	s->crlf = line->crlf;
	s->nonl = line->nonl;
	s->decided = s->kept = 0;
	s->repeated = s->learned = 0;
	s->why = "";
	s->rule = -1;
	s->cat = CAT_CONTENT;
	line_features(line->p, line->len, &s->f);
	if (s->f.shape == SHAPE_BLANK) {
		s->sig = SIG_BLANK;
		s->fp = 0;
		return;
	}
	s->fp = line_fp(line->p, line->len);
	k = fpset_find(&seen, s->fp, 1, &fresh);
	s->repeated = k != (size_t)-1 && !fresh;
	s->seen_slot = k;
	s->seen_gen = seen.gen;
	if (learn_min > 0) {
		k = fpset_find(&learned, s->fp, 0, &fresh);
		s->learned = k != (size_t)-1 && learned.val[k] >= learn_min;
	}
	{
		size_t tlen = line->len;
		const char *t = trim(line->p, &tlen);

		s->rule = rules_match(
		    t, tlen, s->f.shape == SHAPE_LONG, doc.label, s->lineno);
	}
	if (s->rule >= 0) {
		s->cat = rules.v[s->rule].cat;
		s->sig = s->cat == CAT_AD || s->cat == CAT_LABEL
		    ? SIG_SEE_THROUGH
		    : SIG_FURN;
	} else if (s->f.credit) {
		s->sig = SIG_FURN;
		s->cat = CAT_MEDIA;
	} else if (s->f.byline) {
		s->sig = SIG_FURN;
		s->cat = CAT_META;
	} else if ((s->repeated && s->f.shape != SHAPE_SHORT) || s->learned) {
		s->sig = SIG_FURN;
		s->cat = CAT_LABEL;
	} else if (s->f.shape == SHAPE_LONG) {
		s->sig = SIG_LONG;
	} else if (s->f.shape == SHAPE_PROSE) {
		s->sig = SIG_PROSE;
	} else {
		s->sig = SIG_WEAK;
	}
}

static int
declutter_document(struct input *in, void *ctx)
{
	struct line line;
	struct slot *s;

	(void)ctx;
	memset(&doc, 0, sizeof(doc));
	doc.label = in->label;
	doc.docno = in->index;
	fpset_clear(&seen);
	while (input_next(in, &line)) {
		s = SLOT(doc.next);
		s->huge = line.len > COPY_MAX;
		buf_reset(&s->text);
		if (!s->huge)
			buf_add(&s->text, line.p, line.len);
		classify(s, &line);
		doc.next++;
		if (s->huge) {
			/* Decide everything now; the line is written from
			 * the reader's buffer. */
			while (doc.done < doc.next)
				flush_one(doc.done);
			write_line(s, line.p, line.len);
		} else if (doc.next - doc.done > AHEAD) {
			flush_one(doc.done);
		}
		if (out_failed())
			return 1;
	}
	while (doc.done < doc.next)
		flush_one(doc.done);
	return out_failed();
}

/* ------------------------------------------------------------------ */
/* --learn: a first pass counting the documents each line is in.       */

static void
learn_file(const char *path, unsigned docno)
{
	struct linereader lr;
	struct line line;
	FILE *fp;
	size_t k;
	int fresh;

	fp = fopen(path, "r");
	if (fp == NULL)
		return; /* the second pass reports it */
	lr_init(&lr, fileno(fp));
	while (lr_next(&lr, &line) > 0) {
		size_t len = line.len;

		(void)trim(line.p, &len);
		if (len == 0)
			continue;
		k = fpset_find(&learned, line_fp(line.p, line.len), 1, &fresh);
		if (k == (size_t)-1 || learned.doc == NULL ||
		    learned.doc[k] == docno + 1)
			continue;
		learned.doc[k] = docno + 1;
		if (learned.val[k] == 0xFF)
			learned.val[k] = 0;
		if (learned.val[k] < 254)
			learned.val[k]++;
	}
	lr_free(&lr);
	(void)fclose(fp);
}

static void
learn(char **files, int nfiles)
{
	int i, nlearnable = 0;

	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") != 0)
			nlearnable++;
	if (nlearnable < 3)
		return;
	fpset_init(&learned, LEARN_CAP, 1);
	for (i = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") != 0)
			learn_file(files[i], (unsigned)i);
	/* In at least half the documents, and at least three. */
	learn_min = (unsigned)(nlearnable + 1) / 2;
	if (learn_min < 3)
		learn_min = 3;
	if (learn_min > 254)
		learn_min = 254;
}

int
main(int argc, char **argv)
{
	int first, nfiles;
	size_t i;

	memset(&opt, 0, sizeof(opt));
	opt.learn = -1;
	memset(&rules, 0, sizeof(rules));
	learn_min = 0;
	first = cli_parse(argc, argv, &spec);
	if (opt.explain && opt.mark)
		cli_usage_error("--explain and --mark exclude each other");
	nfiles = argc - first;
	rules_load();
	out_open(common.output, common.line_buffered);
	if (opt.list_rules) {
		rules_list();
		rules_free();
		free(opt.rule_files);
		return out_close(1);
	}
	stop_init();
	memset(ring, 0, sizeof(ring));
	fpset_init(&seen, SEEN_CAP, 0);
	if (opt.learn == 1 || (opt.learn == -1 && nfiles >= 3))
		learn(argv + first, nfiles);
	(void)inputs_run(argv + first, nfiles, declutter_document, NULL);
	for (i = 0; i < WINDOW; i++)
		buf_free(&ring[i].text);
	fpset_free(&seen);
	fpset_free(&learned);
	rules_free();
	free(opt.rule_files);
	return out_close(!prog_trouble()) != EXIT_OK || prog_trouble()
	    ? EXIT_TROUBLE
	    : EXIT_OK;
}
