# ruff: noqa: E501
"""Regenerate deskmate_zh_CN.ts (pyside6-lupdate + the translations below) and compile the .qm.

Run: .venv/bin/python resources/i18n/update_translations.py
Strings declared in assistant/settings/schema.py (sections, names, descriptions, choices) are
added to the "Settings" context, since lupdate cannot see them; so are literals lupdate misses
in ui/ (given to the pages' ``_tr``/``_page`` helpers, or plural ``translate`` calls).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "deskmate_zh_CN.ts"
BIN = Path(sys.executable).parent

ZH = {
    # Mail (IMAP) page, accounts and auto-draft
    "The mail server refused the sign-in": "邮件服务器拒绝登录",
    "The mail server's certificate was refused": "邮件服务器的证书未通过验证",
    "The mail server did not answer in time": "邮件服务器未及时响应",
    "The mail server failed": "邮件服务器出错",
    "Refresh": "刷新",
    "Fetch the newest mails (F5)": "获取最新邮件（F5）",
    "Account:": "账户：",
    "From": "发件人",
    "Subject": "主题",
    "Date": "日期",
    "Answer": "答复",
    "Decline": "拒绝",
    "Ask questions": "提问",
    "Draft reply": "起草回复",
    "Write a reply to the selected mail (Ctrl+R)": "为选中的邮件起草回复（Ctrl+R）",
    "Save to Drafts": "存入草稿箱",
    "Add the draft to the account's Drafts folder; it is never sent (Ctrl+S)": "把草稿存入该账户的草稿箱，绝不会发送（Ctrl+S）",
    "Select a mail and press Draft reply: the draft appears here to edit.": "选中一封邮件并点击“起草回复”：草稿会显示在这里，可以修改。",
    'No mail account yet.<br>Add one in <a href="settings">Settings → Mail accounts</a>, then press Refresh.': '还没有邮件账户。<br>请在<a href="settings">设置 → 邮件账户</a>中添加，然后点击“刷新”。',
    "Press Refresh (F5) to fetch the newest mails.": "点击“刷新”（F5）获取最新邮件。",
    "Fetching the newest mails of %1…": "正在获取 %1 的最新邮件…",
    "A reply draft is in Drafts": "草稿箱里已有回复草稿",
    "INBOX is empty.": "收件箱是空的。",
    "%1 mails in INBOX, newest %2 shown; %3 with a reply draft.": "收件箱共 %1 封邮件，显示最新 %2 封；%3 封已有回复草稿。",
    "Reading the mail…": "正在读取邮件…",
    "Writing the draft…": "正在起草…",
    "Draft ready: edit it, then Save to Drafts.": "草稿已就绪：修改后点击“存入草稿箱”。",
    "Saving to Drafts…": "正在存入草稿箱…",
    "Saved to %1. Open your mail app to send it.": "已存入 %1。请在你的邮件应用中发送。",
    "Mail accounts": "邮件账户",
    "Deskmate reads your INBOX and saves reply drafts to your Drafts folder. It never sends, deletes or moves mail. Gmail, Outlook.com, QQ Mail and 163 need an app password (see docs/MAIL.md).": "Deskmate 读取你的收件箱，并把回复草稿存入草稿箱。它绝不发送、删除或移动邮件。Gmail、Outlook.com、QQ 邮箱和 163 邮箱需要使用应用专用密码或授权码（见 docs/MAIL.md）。",
    "work, gmail…": "工作、gmail…",
    "TLS (port 993)": "TLS（端口 993）",
    "STARTTLS (port 143)": "STARTTLS（端口 143）",
    "empty: the system's certificates": "留空：使用系统证书",
    "Draft replies to new mail automatically": "自动为新邮件起草回复",
    "Name": "名称",
    "IMAP server": "IMAP 服务器",
    "Security": "安全连接",
    "Port": "端口",
    "User": "用户名",
    "Password": "密码",
    "Your address": "你的邮箱地址",
    "CA file": "CA 证书文件",
    "Save account": "保存账户",
    "Test connection": "测试连接",
    "Remove": "删除",
    "auto-draft on": "自动起草：开",
    "auto-draft off": "自动起草：关",
    "No account yet: fill in the form below and save.": "还没有账户：请填写下面的表单并保存。",
    "CA certificate": "CA 证书",
    "Certificates (*.pem *.crt)": "证书 (*.pem *.crt)",
    "Saved %1.": "已保存 %1。",
    "Connecting to %1…": "正在连接 %1…",
    "new mail is noticed at once (IDLE)": "新邮件会立即被发现（IDLE）",
    "polling": "定时检查",
    "Connected: %1 mails in INBOX; drafts go to “%2”; %3.": "连接成功：收件箱共 %1 封邮件；草稿存入“%2”；%3。",
    "Removed %1.": "已删除 %1。",
    "%n reply drafts ready": "%n 份回复草稿已就绪",
    "Library": "文档库",
    "Pause library indexing": "暂停文档库索引",
    "Ask documents": "问文档",
    "Ask your documents": "向文档提问",
    "Ask a question about your documents…": "就您的文档提一个问题…",
    "New conversation": "新对话",
    "Forget the earlier questions (Ctrl+N)": "忘记之前的问题（Ctrl+N）",
    "Click a citation to see the passage it quotes.": "点击引用，查看它所引用的段落。",
    "Answers come from the documents you summarized or added with `deskmate documents add`, "
    "with numbered citations you can click. Type a question above and press Enter.": (
        "回答来自您摘要过或用 `deskmate documents add` 添加的文档，并附有可点击的编号引用。"
        "在上方输入问题并按回车。"
    ),
    "%1: %2": "%1：%2",
    "%1 on %2": "%1（%2）",
    "GPU (%1 layers)": "GPU，%1 层",
    "the server at %1": "服务器 %1",
    "This kind of file is not supported": "不支持这种文件",
    "The document is encrypted": "文档已加密",
    "The document is damaged": "文档已损坏",
    "The document has no text": "文档中没有文字",
    "The document is too large": "文档太大",
    "The document cannot be read": "无法读取文档",
    "The calendar file cannot be read": "无法读取日历文件",
    "The model is not installed": "模型尚未安装",
    "The model file is damaged or not a GGUF model": "模型文件已损坏或不是 GGUF 模型",
    "Not enough memory for this model": "内存不足，无法运行此模型",
    "The model cannot run": "模型无法运行",
    "The model server failed": "模型服务器出错",
    "The disk is full": "磁盘已满",
    "The database failed": "数据库出错",
    "The data folder is in use": "数据文件夹正在使用中",
    "That folder already holds Deskmate data": "该文件夹中已有 Deskmate 数据",
    "The data folder cannot be used": "无法使用该数据文件夹",
    "Invalid setting": "设置无效",
    "Stopped": "已停止",
    "That cannot be done": "无法执行此操作",
    "A problem with this computer's set-up": "本机环境有问题",
    "Something went wrong": "出错了",
    "Add GGUF file…": "添加 GGUF 文件…",
    "Add a GGUF model": "添加 GGUF 模型",
    "All tasks": "全部任务",
    "Ask": "提问",
    "Ask anything, or pick an action for the text…": "随便问，或为这段文字选择一个操作…",
    "Brief": "简短",
    "Browse…": "浏览…",
    "Calendars (*.ics);;All files (*)": "日历 (*.ics);;所有文件 (*)",
    "Chinese": "中文",
    "Choose a folder": "选择文件夹",
    "Clear": "清除",
    "Copy": "复制",
    "Copy details": "复制详情",
    "Could not save: %1": "无法保存：%1",
    "Delete": "删除",
    "Describe a meeting, paste an invitation, or open a calendar (.ics).": "描述会议、粘贴邀请，或打开日历 (.ics)。",
    "Deskmate ran into a problem": "Deskmate 遇到问题",
    "Detailed": "详细",
    "Dismiss": "关闭",
    "Document moved to the trash: %1": "文档已移到回收站：%1",
    "Document": "文档",
    "Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)": "文档 (*.pdf *.docx *.html *.htm *.md *.txt);;所有文件 (*)",
    "Done.": "完成。",
    "Drop %1 file(s) here: %2": "拖放 %1 个文件到此处：%2",
    "Emails (*.eml);;All files (*)": "邮件 (*.eml);;所有文件 (*)",
    "English": "英语",
    "Enter runs · Shift+Enter new line · Esc closes": "Enter 运行 · Shift+Enter 换行 · Esc 关闭",
    "Formal": "正式",
    "French": "法语",
    "Friendly": "友好",
    "From History: %1": "来自历史：%1",
    "GGUF models (*.gguf)": "GGUF 模型 (*.gguf)",
    "German": "德语",
    "Global hotkey unavailable (%1): bind `deskmate quick` instead.": "全局快捷键不可用（%1）：请改为绑定 `deskmate quick`。",
    "History": "历史",
    "Into": "译为",
    "Japanese": "日语",
    "Language": "语言",
    "Length": "长度",
    "Loading the model…": "正在加载模型…",
    "Markdown (*.md)": "Markdown (*.md)",
    "Model settings changed: reloading…": "模型设置已更改：正在重新加载…",
    "Model unavailable": "模型不可用",
    "Model: %1": "模型：%1",
    "Model: not loaded yet": "模型：尚未加载",
    "Nothing here yet.": "这里还没有内容。",
    "Open": "打开",
    "Open Deskmate": "打开 Deskmate",
    "Open again": "重新打开",
    "Open file…": "打开文件…",
    "Open or drop an email (.eml), or paste its text.": "打开或拖入邮件 (.eml)，或粘贴其内容。",
    "Paste text here, open a document, or drop files on the window.": "在此粘贴文字、打开文档，或将文件拖到窗口上。",
    "Quick prompt": "快速提问",
    "Quit": "退出",
    "Restore": "恢复",
    "Recent results": "最近结果",
    "Reply": "回复",
    "Result deleted.": "结果已删除。",
    "Run": "运行",
    "Same as the document": "与文档相同",
    "Save result": "保存结果",
    "Save…": "保存…",
    "Schedule": "日程",
    "Search results and documents…": "搜索结果和文档…",
    "Settings": "设置",
    "Something unexpected happened. Deskmate keeps running; please report the details below.": "发生了意外错误。Deskmate 仍在运行；请报告以下详情。",
    "Spanish": "西班牙语",
    "Standard": "标准",
    "Stop": "停止",
    "Stopped.": "已停止。",
    "Section %1 of %2 done; the overview comes when all are done.": "已完成第 %1 段（共 %2 段）；全部完成后再写总览。",
    "The overview is written when all sections are done.": "全部分段完成后再写总览。",
    "Stopped with %n section(s) done. They are kept: summarize the same document again to resume from there.": "已停止，完成了 %n 段并已保留：再次总结同一文档即可从这里继续。",
    "Summarize": "摘要",
    "Text to translate, or open a document.": "要翻译的文字，或打开文档。",
    "The new language is used after a restart.": "新语言将在重启后生效。",
    "The result appears here.": "结果显示在这里。",
    "Thinking…": "思考中…",
    "This feature is not installed in this version of Deskmate.": "此版本的 Deskmate 未安装该功能。",
    "This feature is not installed in this version.": "此版本未安装该功能。",
    "This result's task is not available.": "该结果的任务不可用。",
    "Tone": "语气",
    "Translate": "翻译",
    "Type or open something first.": "请先输入或打开内容。",
    "Trash": "回收站",
    "Undo": "撤销",
    "What to say": "回复要点",
    "Working…": "处理中…",
    "about %n min left": "约剩 %n 分钟",
    "Some glossary terms were not used (see the glossary).": "部分术语表词条未被使用（请查看术语表）。",
    "Check this draft: it may not do what you asked.": "请检查这份草稿：它可能没有按您的要求写。",
    "Sentences giving the assistant orders were kept untranslated: %n.": "有 %n 句向助手下指令的句子保留原文，未翻译。",
    "about %n s left": "约剩 %n 秒",
    "auto": "自动",
    "e.g. accept, propose Tuesday instead": "例如：接受，或改约周二",
    "kept in the OS keyring": "保存在系统密钥环中",
    "Preparing the language model %1 (first start only)…": "正在准备语言模型 %1（仅首次启动）…",
    "Cancel": "取消",
    "Deskmate: first start": "Deskmate：首次启动",
    "Model preparation cancelled: it resumes at the next start.": "已取消模型准备：下次启动时继续。",
    "Deskmate: add a language model": "Deskmate：添加语言模型",
    "Deskmate needs a language model (a GGUF file); none is installed yet.": "Deskmate 需要一个语言模型（GGUF 文件）；目前尚未安装。",
    "Open download page": "打开下载页面",
    "Later": "稍后",
    "Nothing found.": "没有找到结果。",
    "Suggestions": "建议",
    "Suggestions (%1)": "建议（%1）",
    "No suggestions.": "没有建议。",
    "Added to the calendar: %1": "已加入日历：%1",
    "From the text: %1": "原文：%1",
    "no time given": "未给出时间",
    "Conflicts with: %1": "与以下日程冲突：%1",
    "Accept": "接受",
    "Reject": "拒绝",
    "Previous week": "上一周",
    "This week": "本周",
    "Next week": "下一周",
    "Week of %1 – %2": "%1 – %2 这一周",
    "Data folder": "数据文件夹",
    "Open folder": "打开文件夹",
    "Runs, documents, settings, models and logs live here. A new folder takes effect at the next start: your data is copied there and checked, the models folder is moved (on another drive, the bundled models are rebuilt from the installed packages instead of copied), and the old folder is kept for you to delete. --data-dir and DESKMATE_DATA_DIR still win over this choice.": "运行记录、文档、设置、模型和日志都保存在这里。新文件夹在下次启动时生效：数据会复制过去并校验，模型文件夹会被移动（若在另一块磁盘上，则不复制内置模型，而是用已安装的模型包重新生成），旧文件夹会保留，由你自行删除。--data-dir 和 DESKMATE_DATA_DIR 仍优先于此设置。",
    "Change…": "更改…",
    "Reset to default": "恢复默认",
    "Choose a folder for Deskmate's data": "选择 Deskmate 的数据文件夹",
    "%1 already holds Deskmate data. Use that data as it is from the next start? Your current data stays where it is.": "%1 中已有 Deskmate 数据。从下次启动起直接使用这些数据吗？当前数据保留在原处。",
    "It is an older copy left there by an earlier move.": "这是之前迁移时留下的旧副本。",
    "Use the existing data?": "使用已有数据？",
    "Set by DESKMATE_DATA_DIR: unset it to choose the folder here.": "由 DESKMATE_DATA_DIR 指定：取消该变量后才能在这里选择文件夹。",
    "At the next start your data moves to %1.": "下次启动时，数据将迁移到 %1。",
    "From the next start Deskmate uses %1.": "从下次启动起，Deskmate 将使用 %1。",
    "Given with --data-dir; without it Deskmate uses %1.": "由 --data-dir 指定；不带该参数时 Deskmate 使用 %1。",
    "Your data was moved here from %1. That folder is no longer used: delete it once you have checked that everything is here.": "数据已从 %1 迁移到这里。该文件夹不再使用：确认数据完整后即可删除。",
    "The last move failed: %1": "上次迁移失败：%1",
    "About this installation": "关于此安装",
    "Version": "版本",
    "Build": "构建",
    "Installed in": "安装位置",
    "Models": "模型",
    "Logs": "日志",
    "Open data folder": "打开数据文件夹",
    "app bundle (PyInstaller)": "应用程序包（PyInstaller）",
    "Flatpak": "Flatpak",
    "AppImage": "AppImage",
    "pip, editable (development checkout)": "pip，可编辑安装（开发检出）",
    "pip install": "pip 安装",
    "source checkout (not installed)": "源代码检出（未安装）",
    "on": "开",
    "off": "关",
    "Delete event": "删除日程",
    "Delete the selected event (it goes to the trash; Undo brings it back)": "删除所选日程（移入回收站；可用“撤销”恢复）",
    "Event deleted: %1": "已删除日程：%1",
    "Folder": "文件夹",
    "Folder…": "文件夹…",
    "System time zone": "系统时区",
    "unknown time zone: %1": "未知时区：%1",
    "Language model": "语言模型",
    "Language model: a catalog id or the id of a GGUF file you added.": "语言模型：目录中的模型，或你添加的 GGUF 文件。",
    "GPU layers": "GPU 层数",
    "Layers offloaded to the GPU: 'auto' puts all that fit in free VRAM, 0 = CPU only.": "放到 GPU 上的层数：“自动”按空闲显存放入尽可能多的层，0 = 仅用 CPU。",
    "CPU threads": "CPU 线程数",
    "CPU threads for generation: 'auto' = number of physical cores.": "生成所用的 CPU 线程：“自动” = 物理核心数。",
    "Context size (tokens)": "上下文长度（词元）",
    "Prompt batch (tokens)": "提示批大小（词元）",
    "Prompt micro-batch (tokens)": "提示微批大小（词元）",
    "Prompt-lookup decoding": "提示查找解码",
    "Largest context window (tokens); capped by what the model supports.": "最大上下文窗口（词元），不超过模型支持的长度。",
    "Prompt tokens handed to llama.cpp per call (logical batch); capped by the context size.": (
        "每次交给 llama.cpp 的提示词元数（逻辑批），不超过上下文长度。"
    ),
    "Prompt tokens computed at once inside a batch (physical batch); capped by n_batch.": (
        "一个批次内同时计算的提示词元数（物理批），不超过 n_batch。"
    ),
    "Prompt-lookup decoding: guess the next tokens from text already in the prompt and "
    "check them in one step. Helps when answers quote the input; on a CPU the checks can "
    "cost more than they save.": (
        "提示查找解码：从提示中已有的文字猜出接下来的词元，一步验证。回答引用原文时更快；"
        "在 CPU 上验证的开销可能大于节省。"
    ),
    "Sampling temperature (0 = deterministic).": "采样温度（0 = 确定性输出）。",
    "Longest answer (tokens)": "最长回答（词元）",
    "Longest answer, in tokens.": "回答的最大长度（词元）。",
    "Embedding model: the bundled id or a local sentence-transformers folder.": "嵌入模型：内置模型，或本地 sentence-transformers 文件夹。",
    "Embedding model: multilingual-e5-small (default), all-minilm-l6-v2 or a local sentence-transformers folder. Changing it re-embeds stored texts in the background.": "嵌入模型：multilingual-e5-small（默认）、all-minilm-l6-v2，或本地 sentence-transformers 文件夹。更换后会在后台重新嵌入已存的文字。",
    "Pause indexing of library folders (it resumes where it stopped).": "暂停资料库文件夹的索引（恢复时从停下的地方继续）。",
    "Device for embeddings.": "计算嵌入所用的设备。",
    "Automatic": "自动",
    "CPU": "CPU",
    "CUDA (NVIDIA)": "CUDA（NVIDIA）",
    "Metal (Apple)": "Metal（Apple）",
    "Remote server URL": "远程服务器地址",
    "OpenAI-compatible server (llama.cpp server, vLLM, Ollama), e.g. http://127.0.0.1:8080/v1. Empty = run the model in this app.": "OpenAI 兼容服务器（llama.cpp server、vLLM、Ollama），例如 http://127.0.0.1:8080/v1。留空 = 在本应用中运行模型。",
    "Model name to ask the remote server for.": "向远程服务器请求的模型名称。",
    "Parallel requests to the server": "同时发往服务器的请求数",
    "Requests sent to the remote server at once when summarizing a long document section by section (the local model always does one at a time).": "分段摘要长文档时同时发往远程服务器的请求数（本地模型始终一次一个）。",
    "Remote API key": "远程 API 密钥",
    "API key of the remote server (kept in the OS keyring).": "远程服务器的 API 密钥（保存在系统密钥环中）。",
    "Largest file (MB)": "最大文件（MB）",
    "Largest document Deskmate will open (MB).": "Deskmate 能打开的最大文档（MB）。",
    "Default summary length.": "默认摘要长度。",
    "Language of summaries: 'auto' = the document's language, or a code like en, zh.": "摘要语言：“auto” = 与文档相同，或填写语言代码如 en、zh。",
    "Translate into": "翻译为",
    "Default target language for translation.": "默认翻译目标语言。",
    "Default tone of email replies.": "邮件回复的默认语气。",
    "Signature added to email replies.": "附加在邮件回复末尾的签名。",
    "Your name": "你的名字",
    "Your name, used in replies.": "你的名字，用于回复。",
    "Your email": "你的邮箱",
    "Your email address (From of reply drafts).": "你的邮箱地址（回复草稿的发件人）。",
    "Time zone (IANA name); empty = the system's.": "时区（IANA 名称）；留空 = 系统时区。",
    "Working hours start": "上班时间",
    "Start of working hours (HH:MM).": "工作时间开始（时:分）。",
    "Working hours end": "下班时间",
    "End of working hours (HH:MM).": "工作时间结束（时:分）。",
    "Buffer between meetings (min)": "会议间隔（分钟）",
    "Minutes kept free between meetings.": "会议之间预留的分钟数。",
    "Reminder lead min": "提前提醒（分钟）",
    "Minutes before an event its reminder shows (each event can have its own).": "活动开始前多少分钟提醒（每个活动可单独设置）。",
    "Tasks": "任务",
    "Tasks (%1)": "任务（%1）",
    "No tasks yet. Add one below, or let Schedule find them in a mail.": "还没有任务。可在下方添加，或让日程从邮件中找出任务。",
    "New task…": "新任务…",
    "Due: friday 5pm": "截止：周五下午5点",
    " min": " 分钟",
    "Add": "添加",
    "Done": "完成",
    "Mark the selected tasks done (Ctrl+D)": "将所选任务标记为完成（Ctrl+D）",
    "Plan my day": "规划今天",
    "Place the open tasks into today's free time (Ctrl+Shift+P)": "把未完成的任务排进今天的空闲时间（Ctrl+Shift+P）",
    "Plan my week": "规划本周",
    "Accept selected": "接受所选",
    "Accept plan": "接受计划",
    "Nothing to place: no open task fits this plan.": "没有可安排的内容：没有适合此计划的未完成任务。",
    "Snooze 5 min": "5 分钟后提醒",
    "Snooze 10 min": "10 分钟后提醒",
    "Snooze 30 min": "30 分钟后提醒",
    "While you were away: %1": "你不在时的提醒：%1",
    "Remind me": "提醒我",
    "Default (Settings)": "默认（设置中）",
    "At the start": "开始时",
    "5 min before": "提前 5 分钟",
    "10 min before": "提前 10 分钟",
    "15 min before": "提前 15 分钟",
    "30 min before": "提前 30 分钟",
    "1 hour before": "提前 1 小时",
    "1 day before": "提前 1 天",
    "Reminder changed.": "提醒已更改。",
    "Quick prompt hotkey": "快速提问快捷键",
    "Global hotkey for the quick prompt.": "打开快速提问的全局快捷键。",
    "Interface language": "界面语言",
    "Language of the interface.": "界面显示的语言。",
    "System": "跟随系统",
    "简体中文 (Chinese)": "简体中文",
    "Colour theme.": "配色主题。",
    "Light": "浅色",
    "Dark": "深色",
    "Closing the window keeps Deskmate in the tray.": "关闭窗口后 Deskmate 仍在托盘中运行。",
    "Start Deskmate when you log in.": "登录时自动启动 Deskmate。",
    "Calendar import": "日历导入",
    "done": "完成",
    "cancelled": "已取消",
    "failed": "失败",
    "running": "进行中",
    # settings: sections, names, choices
    "Model": "模型",
    "Documents": "文档",
    "Mail": "邮件",
    "Calendar": "日历",
    "Desktop": "桌面",
    "N gpu layers": "GPU 层数",
    "N threads": "CPU 线程数",
    "N ctx": "上下文长度",
    "Temperature": "温度",
    "Max output tokens": "最长输出（词元）",
    "Embedding model": "嵌入模型",
    "Embedding device": "嵌入设备",
    "Remote url": "远程服务器地址",
    "Remote model": "远程模型",
    "Remote api key": "远程 API 密钥",
    "Max file mb": "最大文件（MB）",
    "Summary length": "摘要长度",
    "Summary language": "摘要语言",
    "Translate target": "默认翻译目标",
    "Reply tone": "回复语气",
    "Signature": "签名",
    "User name": "你的名字",
    "Time zone": "时区",
    "Work start": "上班时间",
    "Work end": "下班时间",
    "Meeting buffer min": "会议间隔（分钟）",
    "Hotkey": "快捷键",
    "Ui language": "界面语言",
    "Theme": "主题",
    "Close to tray": "关闭时最小化到托盘",
    "Start on login": "登录时启动",
    "system": "跟随系统",
    "light": "浅色",
    "dark": "深色",
    "brief": "简短",
    "standard": "标准",
    "detailed": "详细",
    "formal": "正式",
    "friendly": "友好",
    "cpu": "CPU",
    "cuda": "CUDA",
    "mps": "MPS",
    "en": "English",
    "zh_CN": "简体中文",
    # reply identity (issue 19)
    "Your email addresses": "你的邮箱地址",
    "Sign-off": "落款",
    "Your name: the From of reply drafts.": "你的名字：回复草稿的发件人。",
    "Your email addresses, comma-separated; the first is the From of reply drafts (a mail sent to another one is answered from that one).": "你的邮箱地址，用逗号分隔；第一个是回复草稿的发件地址（发到其他地址的邮件，就用那个地址回复）。",
    "How your replies end, e.g. 'Best regards' (your name follows on its own line); empty = a usual closing in the mail's language.": "回复的结尾，例如“祝好！”（下一行是你的名字）；留空则用邮件语言里常用的结尾。",
    "Deskmate: who are you?": "Deskmate：你是谁？",
    "Reply drafts are written as you: from your address, signed with your name. You can change this later in Settings.": "回复草稿以你的身份撰写：从你的邮箱发出，落款是你的名字。以后可以在设置中修改。",
    "e.g. Alex Chen / 陈亚历": "例如 陈亚历 / Alex Chen",
    "e.g. Best regards (empty: usual closing)": "例如 祝好！（留空：常用结尾）",
    "Skip": "跳过",
    "Set up who you are…": "设置你的身份…",
    "⚠ Who you are is not set: drafts have no From and are signed without a name.": "⚠ 尚未设置你的身份：草稿没有发件人，落款也没有名字。",
    "To": "收件人",
    # writing support (Polish page, diff view, custom actions, replace in place)
    "Polish": "润色",
    "Fix spelling and grammar": "改正错别字和语法",
    "Improve the writing": "润色文字",
    "More formal": "更正式",
    "More friendly": "更亲切",
    "More concise": "更简洁",
    "Shorter": "缩短",
    "Longer": "扩写",
    "How": "方式",
    "Text to correct or rewrite (English or Chinese), or open a document.": "输入要改正或改写的文字（中文或英文），或打开文档。",
    "Documents (*.md *.txt *.docx *.html *.htm);;All files (*)": "文档 (*.md *.txt *.docx *.html *.htm);;所有文件 (*)",
    "Accept all": "全部接受",
    "Reject all": "全部拒绝",
    "Accept every change (Ctrl+Shift+A)": "接受所有修改（Ctrl+Shift+A）",
    "Keep the original text (Ctrl+Shift+R)": "保留原文（Ctrl+Shift+R）",
    "%n change(s). Click a change to accept or reject it.": "%n 处修改。点击某处修改可接受或拒绝它。",
    "No changes: the text is fine as it is.": "没有修改：原文已经没有问题。",
    "Done. %n paragraph(s) kept as they were.": "完成。%n 段保持原样。",
    "Actions": "动作",
    "Your own actions on the text (Alt+A)": "你自定义的文字动作（Alt+A）",
    "Edit actions…": "编辑动作…",
    "Custom actions": "自定义动作",
    "No custom actions yet.\n\nPress New (Ctrl+N) to write one, for example “Make this a polite reminder”, or Import a file (Ctrl+I).": "还没有自定义动作。\n\n按“新建”（Ctrl+N）写一个，例如“改写成礼貌的提醒”，或“导入”一个文件（Ctrl+I）。",
    "New": "新建",
    "A new action": "新建一个动作",
    "Move up": "上移",
    "Move down": "下移",
    "Delete this action": "删除这个动作",
    "e.g. Make this a polite reminder": "例如：改写成礼貌的提醒",
    "What to do with the selected text, e.g. “提取待办事项，每项一行”.": "要对选中的文字做什么，例如“提取待办事项，每项一行”。",
    "The text's own language": "与原文相同的语言",
    "A new text (free instruction)": "生成新文本（自由指令）",
    "Rewrite: %1": "改写：%1",
    "A rewrite keeps the text's language and shows the changes to accept": "改写保留原文语言，并列出修改供你逐条接受",
    "Save": "保存",
    "Save this action": "保存这个动作",
    "&Name:": "名称(&N)：",
    "&Instruction:": "指令(&I)：",
    "&Answer in:": "回答语言(&A)：",
    "&Kind:": "类型(&K)：",
    "Import…": "导入…",
    "Add the actions of a JSON file": "添加 JSON 文件中的动作",
    "Export…": "导出…",
    "Save every action to a JSON file": "把所有动作保存到 JSON 文件",
    "Close": "关闭",
    "Import actions": "导入动作",
    "Export actions": "导出动作",
    "Actions (*.json);;All files (*)": "动作 (*.json);;所有文件 (*)",
    "Actions (*.json)": "动作 (*.json)",
    "Imported %n action(s).": "已导入 %n 个动作。",
    "Type or paste a text first.": "请先输入或粘贴文字。",
    "Replace": "替换",
    "Put the result in place of the selected text (Ctrl+Enter)": "用结果替换所选文字（Ctrl+Enter）",
    "Enter runs · Ctrl+Enter replaces · Shift+Enter new line · Esc closes": "Enter 运行 · Ctrl+Enter 替换 · Shift+Enter 换行 · Esc 关闭",
    "Copied: press Ctrl+V to paste.": "已复制：请按 Ctrl+V 粘贴。",
    "Could not paste: press Ctrl+V to paste.": "无法自动粘贴：请按 Ctrl+V 粘贴。",
    "Alt+%1": "Alt+%1",
    "CalDAV calendar (its URL) that accepted suggestions are written to; empty: the only synced calendar, if there is just one.": "接受的日程建议写入的 CalDAV 日历（其网址）；留空：若只同步了一个日历，就写入它。",
    "Calendars (CalDAV)": "日历（CalDAV）",
    "Deskmate keeps a copy of the calendars you tick, for conflicts, free slots and reminders, and writes accepted suggestions back. It only deletes events it created.": "Deskmate 会保存您勾选的日历的副本，用于冲突检查、空闲时段和提醒，并把接受的建议写回日历。它只会删除自己创建的日程。",
    "Server address": "服务器地址",
    "Connect and test": "连接并测试",
    "Sync now": "立即同步",
    "No calendar yet: enter your server above and connect.": "还没有日历：请在上方填写服务器并连接。",
    "Connected: %1 calendars. Tick the ones to sync.": "已连接：%1 个日历。请勾选要同步的日历。",
    "Syncing…": "正在同步…",
    "%1: %2 new, %3 changed, %4 removed": "%1：新增 %2，更改 %3，删除 %4",
    "Nothing to sync.": "没有要同步的日历。",
    "not synced yet": "尚未同步",
    "synced %1": "已同步 %1",
    # background calendar sync, the outbox of changes waiting for the server
    "The calendar server refused the sign-in": "日历服务器拒绝登录",
    "The calendar server's certificate was refused": "日历服务器的证书未通过验证",
    "The calendar server did not answer in time": "日历服务器未及时响应",
    "The event changed on the server too": "该日程在服务器上也被修改了",
    "The calendar server refused a change": "日历服务器拒绝了一项更改",
    "Calendar sync failed": "日历同步失败",
    "The calendar server cannot be reached": "无法连接日历服务器",
    "Calendar sync works again.": "日历同步已恢复。",
    "Sync your calendars with the server now (F5)": "立即与服务器同步日历（F5）",
    "changed on the server too: keep yours or the server's?": "服务器上也改过：保留你的版本还是服务器的？",
    "the server refused it; Deskmate tries again at each sync": "服务器拒绝了；每次同步时 Deskmate 会重试",
    "deleted here, deleted on the server at the next sync": "已在本地删除，下次同步时在服务器上删除",
    "not on the server yet, sent at the next sync": "尚未上传到服务器，下次同步时发送",
    "<b>Waiting for your calendar server</b>": "<b>等待日历服务器</b>",
    "Keep mine": "保留我的",
    "Send your version over the server's (Ctrl+M)": "用你的版本覆盖服务器的版本（Ctrl+M）",
    "Keep the server's": "保留服务器的",
    "Drop your change and keep the server's version": "放弃你的更改，保留服务器的版本",
    "Done: your calendar has the version you kept.": "完成：日历中现在是你保留的版本。",
    "Sync calendars every (min)": "日历同步间隔（分钟）",
    "While Deskmate runs, sync the chosen CalDAV calendars at start and every this many minutes (changes waiting for the server go too); 0 = only when you press Sync now.": "Deskmate 运行时，在启动时及每隔这么多分钟同步所选的 CalDAV 日历（等待上传的更改也一并发送）；0 = 仅在你点击“立即同步”时同步。",
    "Calendar for suggestions": "接受建议写入的日历",
    # Library page
    "Add folder…": "添加文件夹…",
    "Index the documents of a folder (Ctrl+O)": "为一个文件夹中的文档建立索引（Ctrl+O）",
    "Stop indexing the selected folder; its documents go to the trash (Delete)": "停止索引所选文件夹；其文档移入回收站（Delete）",
    "Pause or resume indexing (Ctrl+P)": "暂停或继续索引（Ctrl+P）",
    "Scan now": "立即扫描",
    "Look for new, changed and deleted files now (F5)": "立即查找新增、修改和删除的文件（F5）",
    "No library folders yet. Click “Add folder…” (Ctrl+O) and choose a folder of documents: Deskmate indexes every PDF, Word, text and Markdown file in it for Search and Ask, and keeps up with new, changed and deleted files. It only reads the folder; it never changes your files.": "文档库中还没有文件夹。点击“添加文件夹…”（Ctrl+O）并选择一个存放文档的文件夹：Deskmate 会为其中的 PDF、Word、文本和 Markdown 文件建立索引，供搜索和问文档使用，并跟进新增、修改和删除的文件。它只读取该文件夹，绝不改动你的文件。",
    "Indexed": "已索引",
    "Failed": "失败",
    "Files that could not be loaded": "无法读取的文件",
    "File": "文件",
    "Error": "错误",
    "Add a folder to the library": "向文档库添加文件夹",
    "Indexing stopped: %1": "索引已停止：%1",
    "Indexing is paused; it resumes where it stopped.": "索引已暂停；继续时将从中断处接着进行。",
    "Indexing %1 of %2 files": "正在索引第 %1 个文件，共 %2 个",
    "Up to date; new, changed and deleted files are noticed within a minute.": "已是最新；新增、修改和删除的文件会在一分钟内被发现。",
    "Resume": "继续",
    "Pause": "暂停",
    "My documents": "我的文档",
    "Ask answers from your library, with citations (Alt+D)": "从文档库中回答，并附引用（Alt+D）",
    "Reminder before an event (min)": "事件前提醒（分钟）",
}


def schema_strings() -> list[str]:
    """Sections, labels, descriptions and choice names of the settings (translated at run time
    through variables, so lupdate cannot see them)."""
    sys.path.insert(0, str(ROOT))
    from assistant.settings import SCHEMA
    from ui.pages.settings_editors import CHOICES

    out: list[str] = []
    for s in SCHEMA:
        out += [s.section, s.label, s.description, *(CHOICES.get(c, c) for c in s.choices)]
    return list(dict.fromkeys(out))


HELPERS = {"_tr": "Settings", "_page": "SettingsPage"}  # ui helpers wrapping translate()


def hidden_strings() -> list[tuple[str, str, bool]]:
    """(context, text, plural) of literals in ui/ given to helpers or to plural translate()."""
    out: list[tuple[str, str, bool]] = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            texts = [a.value for a in node.args if isinstance(a, ast.Constant)]
            if name in HELPERS and isinstance(node.args[0], ast.Constant):
                out.append((HELPERS[name], str(node.args[0].value), False))
            elif (
                name == "translate"
                and len(texts) >= 2
                and all(isinstance(t, str) for t in texts[:2])
            ):
                out.append((str(texts[0]), str(texts[1]), len(node.args) >= 4))
    return list(dict.fromkeys(out))


def _context(root: ET.Element, name: str) -> ET.Element:
    found = next((c for c in root.iter("context") if c.findtext("name") == name), None)
    if found is None:
        found = ET.SubElement(root, "context")
        ET.SubElement(found, "name").text = name
    return found


def main() -> int:
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True
    )
    tree = ET.parse(TS)
    root = tree.getroot()
    root.set("language", "zh_CN")
    extra = [("Settings", text, False) for text in schema_strings()] + hidden_strings()
    for name, text, plural in extra:
        context = _context(root, name)
        if text in {m.findtext("source") for m in context.iter("message")}:
            continue
        message = ET.SubElement(context, "message")
        if plural:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        value = ZH.get(source)
        if value is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for old in list(translation):
                translation.remove(old)
            ET.SubElement(translation, "numerusform").text = value
        else:
            translation.text = value
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS)], check=True)
    if missing:
        print(f"{len(missing)} strings left untranslated (descriptions fall back to English)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
