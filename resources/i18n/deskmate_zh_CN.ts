<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>CrashDialog</name>
    <message>
      <location filename="../../ui/crash.py" line="58" />
      <source>Deskmate ran into a problem</source>
      <translation>Deskmate 遇到问题</translation>
    </message>
    <message>
      <location filename="../../ui/crash.py" line="63" />
      <source>Something unexpected happened. Deskmate keeps running; please report the details below.</source>
      <translation>发生了意外错误。Deskmate 仍在运行；请报告以下详情。</translation>
    </message>
    <message>
      <location filename="../../ui/crash.py" line="73" />
      <source>Copy details</source>
      <translation>复制详情</translation>
    </message>
  </context>
  <context>
    <name>HistoryPage</name>
    <message>
      <location filename="../../ui/pages/history.py" line="52" />
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="57" />
      <source>Search results and documents…</source>
      <translation>搜索结果和文档…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="60" />
      <source>All tasks</source>
      <translation>全部任务</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="75" />
      <source>Open again</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="76" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="123" />
      <source>Document</source>
      <translation>文档</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="130" />
      <source>Nothing here yet.</source>
      <translation>这里还没有内容。</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="97" />
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="101" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="105" />
      <source>Model: not loaded yet</source>
      <translation>模型：尚未加载</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="135" />
      <source>This result's task is not available.</source>
      <translation>该结果的任务不可用。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="138" />
      <source>From History: %1</source>
      <translation>来自历史：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="150" />
      <source>Loading the model…</source>
      <translation>正在加载模型…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="163" />
      <source>Model: %1</source>
      <translation>模型：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="169" />
      <source>Model unavailable</source>
      <translation>模型不可用</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="179" />
      <source>Result deleted.</source>
      <translation>结果已删除。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="180" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="191" />
      <source>Model settings changed: reloading…</source>
      <translation>模型设置已更改：正在重新加载…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="219" />
      <source>Drop %1 file(s) here: %2</source>
      <translation>拖放 %1 个文件到此处：%2</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <location filename="../../ui/message_bar.py" line="32" />
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <location filename="../../ui/pages/specs.py" line="65" />
      <source>English</source>
      <translation>英语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="66" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="67" />
      <source>Japanese</source>
      <translation>日语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="68" />
      <source>French</source>
      <translation>法语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="69" />
      <source>German</source>
      <translation>德语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="70" />
      <source>Spanish</source>
      <translation>西班牙语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="79" />
      <source>Summarize</source>
      <translation>摘要</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="81" />
      <source>Paste text here, open a document, or drop files on the window.</source>
      <translation>在此粘贴文字、打开文档，或将文件拖到窗口上。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="84" />
      <location filename="../../ui/pages/specs.py" line="119" />
      <source>Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)</source>
      <translation>文档 (*.pdf *.docx *.html *.htm *.md *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="91" />
      <source>Length</source>
      <translation>长度</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="93" />
      <location filename="../../ui/pages/specs.py" line="157" />
      <source>Brief</source>
      <translation>简短</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="94" />
      <source>Standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="95" />
      <source>Detailed</source>
      <translation>详细</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="101" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="103" />
      <source>Same as the document</source>
      <translation>与文档相同</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="114" />
      <source>Translate</source>
      <translation>翻译</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="116" />
      <source>Text to translate, or open a document.</source>
      <translation>要翻译的文字，或打开文档。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="126" />
      <source>Into</source>
      <translation>译为</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="136" />
      <source>Reply</source>
      <translation>回复</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="138" />
      <source>Open or drop an email (.eml), or paste its text.</source>
      <translation>打开或拖入邮件 (.eml)，或粘贴其内容。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="141" />
      <source>Emails (*.eml);;All files (*)</source>
      <translation>邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="146" />
      <source>What to say</source>
      <translation>回复要点</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="147" />
      <source>e.g. accept, propose Tuesday instead</source>
      <translation>例如：接受，或改约周二</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="153" />
      <source>Tone</source>
      <translation>语气</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="155" />
      <source>Friendly</source>
      <translation>友好</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="156" />
      <source>Formal</source>
      <translation>正式</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="166" />
      <source>Schedule</source>
      <translation>日程</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="168" />
      <source>Describe a meeting, paste an invitation, or open a calendar (.ics).</source>
      <translation>描述会议、粘贴邀请，或打开日历 (.ics)。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="171" />
      <source>Calendars (*.ics);;All files (*)</source>
      <translation>日历 (*.ics);;所有文件 (*)</translation>
    </message>
  </context>
  <context>
    <name>QuickPopup</name>
    <message>
      <location filename="../../ui/quick_popup.py" line="73" />
      <source>Ask anything, or pick an action for the text…</source>
      <translation>随便问，或为这段文字选择一个操作…</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="80" />
      <source>Summarize</source>
      <translation>摘要</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="81" />
      <source>Translate</source>
      <translation>翻译</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="82" />
      <source>Reply</source>
      <translation>回复</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="83" />
      <source>Schedule</source>
      <translation>日程</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="84" />
      <source>Ask</source>
      <translation>提问</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="101" />
      <source>Enter runs · Shift+Enter new line · Esc closes</source>
      <translation>Enter 运行 · Shift+Enter 换行 · Esc 关闭</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="103" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="119" />
      <source>This feature is not installed in this version.</source>
      <translation>此版本未安装该功能。</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="155" />
      <source>Thinking…</source>
      <translation>思考中…</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="55" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="114" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="162" />
      <source>kept in the OS keyring</source>
      <translation>保存在系统密钥环中</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="168" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="168" />
      <source>Add GGUF file…</source>
      <translation>添加 GGUF 文件…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="185" />
      <source>Choose a folder</source>
      <translation>选择文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="188" />
      <source>Add a GGUF model</source>
      <translation>添加 GGUF 模型</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="188" />
      <source>GGUF models (*.gguf)</source>
      <translation>GGUF 模型 (*.gguf)</translation>
    </message>
  </context>
  <context>
    <name>TaskPage</name>
    <message numerus="yes">
      <location filename="../../ui/pages/task_page.py" line="38" />
      <source>about %n s left</source>
      <translation>
        <numerusform>约剩 %n 秒</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pages/task_page.py" line="41" />
      <source>about %n min left</source>
      <translation>
        <numerusform>约剩 %n 分钟</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="77" />
      <source>Open file…</source>
      <translation>打开文件…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="79" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="93" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="95" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="110" />
      <source>The result appears here.</source>
      <translation>结果显示在这里。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="114" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="115" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="122" />
      <source>This feature is not installed in this version of Deskmate.</source>
      <translation>此版本的 Deskmate 未安装该功能。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="159" />
      <source>Stopped.</source>
      <translation>已停止。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="175" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="210" />
      <source>Type or open something first.</source>
      <translation>请先输入或打开内容。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="218" />
      <source>Working…</source>
      <translation>处理中…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="256" />
      <source>Done.</source>
      <translation>完成。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="275" />
      <source>Save result</source>
      <translation>保存结果</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="275" />
      <source>Markdown (*.md)</source>
      <translation>Markdown (*.md)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="287" />
      <source>Could not save: %1</source>
      <translation>无法保存：%1</translation>
    </message>
  </context>
  <context>
    <name>Tray</name>
    <message>
      <location filename="../../ui/tray.py" line="30" />
      <source>Quick prompt</source>
      <translation>快速提问</translation>
    </message>
    <message>
      <location filename="../../ui/tray.py" line="31" />
      <source>Open Deskmate</source>
      <translation>打开 Deskmate</translation>
    </message>
    <message>
      <location filename="../../ui/tray.py" line="32" />
      <source>Recent results</source>
      <translation>最近结果</translation>
    </message>
    <message>
      <location filename="../../ui/tray.py" line="34" />
      <source>Quit</source>
      <translation>退出</translation>
    </message>
  </context>
  <context>
    <name>self.window</name>
    <message>
      <location filename="../../ui/app.py" line="107" />
      <source>Global hotkey unavailable (%1): bind `deskmate quick` instead.</source>
      <translation>全局快捷键不可用（%1）：请改为绑定 `deskmate quick`。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="178" />
      <source>The new language is used after a restart.</source>
      <translation>新语言将在重启后生效。</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <source>Language model: a catalog id or the id of a GGUF file you added.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>N gpu layers</source>
      <translation>GPU 层数</translation>
    </message>
    <message>
      <source>Layers offloaded to the GPU: 'auto' puts all that fit in free VRAM, 0 = CPU only.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>N threads</source>
      <translation>CPU 线程数</translation>
    </message>
    <message>
      <source>CPU threads for generation: 'auto' = number of physical cores.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>N ctx</source>
      <translation>上下文长度</translation>
    </message>
    <message>
      <source>Largest context window (tokens); capped by what the model supports.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Temperature</source>
      <translation>温度</translation>
    </message>
    <message>
      <source>Sampling temperature (0 = deterministic).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Max output tokens</source>
      <translation>最长输出（词元）</translation>
    </message>
    <message>
      <source>Longest answer, in tokens.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Embedding model</source>
      <translation>嵌入模型</translation>
    </message>
    <message>
      <source>Embedding model: the bundled id or a local sentence-transformers folder.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Embedding device</source>
      <translation>嵌入设备</translation>
    </message>
    <message>
      <source>Device for embeddings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>cpu</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>cuda</source>
      <translation>CUDA</translation>
    </message>
    <message>
      <source>mps</source>
      <translation>MPS</translation>
    </message>
    <message>
      <source>Remote url</source>
      <translation>远程服务器地址</translation>
    </message>
    <message>
      <source>OpenAI-compatible server (llama.cpp server, vLLM, Ollama), e.g. http://127.0.0.1:8080/v1. Empty = run the model in this app.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remote model</source>
      <translation>远程模型</translation>
    </message>
    <message>
      <source>Model name to ask the remote server for.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Remote api key</source>
      <translation>远程 API 密钥</translation>
    </message>
    <message>
      <source>API key of the remote server (kept in the OS keyring).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Max file mb</source>
      <translation>最大文件（MB）</translation>
    </message>
    <message>
      <source>Largest document Deskmate will open (MB).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Summary length</source>
      <translation>摘要长度</translation>
    </message>
    <message>
      <source>Default summary length.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>brief</source>
      <translation>简短</translation>
    </message>
    <message>
      <source>standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <source>detailed</source>
      <translation>详细</translation>
    </message>
    <message>
      <source>Summary language</source>
      <translation>摘要语言</translation>
    </message>
    <message>
      <source>Language of summaries: 'auto' = the document's language, or a code like en, zh.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Translate target</source>
      <translation>默认翻译目标</translation>
    </message>
    <message>
      <source>Default target language for translation.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Mail</source>
      <translation>邮件</translation>
    </message>
    <message>
      <source>Reply tone</source>
      <translation>回复语气</translation>
    </message>
    <message>
      <source>Default tone of email replies.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>formal</source>
      <translation>正式</translation>
    </message>
    <message>
      <source>friendly</source>
      <translation>友好</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签名</translation>
    </message>
    <message>
      <source>Signature added to email replies.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User name</source>
      <translation>你的名字</translation>
    </message>
    <message>
      <source>Your name, used in replies.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>User email</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Your email address (From of reply drafts).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Calendar</source>
      <translation>日历</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>时区</translation>
    </message>
    <message>
      <source>Time zone (IANA name); empty = the system's.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Work start</source>
      <translation>上班时间</translation>
    </message>
    <message>
      <source>Start of working hours (HH:MM).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Work end</source>
      <translation>下班时间</translation>
    </message>
    <message>
      <source>End of working hours (HH:MM).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Meeting buffer min</source>
      <translation>会议间隔（分钟）</translation>
    </message>
    <message>
      <source>Minutes kept free between meetings.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Desktop</source>
      <translation>桌面</translation>
    </message>
    <message>
      <source>Hotkey</source>
      <translation>快捷键</translation>
    </message>
    <message>
      <source>Global hotkey for the quick prompt.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Ui language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Language of the interface.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>system</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>en</source>
      <translation>English</translation>
    </message>
    <message>
      <source>zh_CN</source>
      <translation>简体中文</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Colour theme.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <source>dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>Close to tray</source>
      <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
      <source>Closing the window keeps Deskmate in the tray.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <source>Start on login</source>
      <translation>登录时启动</translation>
    </message>
    <message>
      <source>Start Deskmate when you log in.</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>