<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AboutBox</name>
    <message>
      <location filename="../../ui/about_box.py" line="21" />
      <source>About this installation</source>
      <translation>关于此安装</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="35" />
      <source>Open data folder</source>
      <translation>打开数据文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="45" />
      <source>Version</source>
      <translation>版本</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="46" />
      <source>Build</source>
      <translation>构建</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="47" />
      <source>Installed in</source>
      <translation>安装位置</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="48" />
      <source>Data folder</source>
      <translation>数据文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="49" />
      <source>Models</source>
      <translation>模型</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="50" />
      <source>Logs</source>
      <translation>日志</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="51" />
      <source>Start on login</source>
      <translation>登录时启动</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="56" />
      <source>app bundle (PyInstaller)</source>
      <translation>应用程序包（PyInstaller）</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="57" />
      <source>Flatpak</source>
      <translation>Flatpak</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="58" />
      <source>AppImage</source>
      <translation>AppImage</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="59" />
      <source>pip, editable (development checkout)</source>
      <translation>pip，可编辑安装（开发检出）</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="60" />
      <source>pip install</source>
      <translation>pip 安装</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="61" />
      <source>source checkout (not installed)</source>
      <translation>源代码检出（未安装）</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="66" />
      <source>on</source>
      <translation>开</translation>
    </message>
    <message>
      <location filename="../../ui/about_box.py" line="66" />
      <source>off</source>
      <translation>关</translation>
    </message>
  </context>
  <context>
    <name>ActionsDialog</name>
    <message>
      <location filename="../../ui/actions_dialog.py" line="48" />
      <source>Custom actions</source>
      <translation>自定义动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="57" />
      <source>No custom actions yet.

Press New (Ctrl+N) to write one, for example “Make this a polite reminder”, or Import a file (Ctrl+I).</source>
      <translation>还没有自定义动作。

按“新建”（Ctrl+N）写一个，例如“改写成礼貌的提醒”，或“导入”一个文件（Ctrl+I）。</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="90" />
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="90" />
      <source>A new action</source>
      <translation>新建一个动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="92" />
      <source>Move up</source>
      <translation>上移</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="93" />
      <source>Move down</source>
      <translation>下移</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="95" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="95" />
      <source>Delete this action</source>
      <translation>删除这个动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="109" />
      <source>e.g. Make this a polite reminder</source>
      <translation>例如：改写成礼貌的提醒</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="112" />
      <source>What to do with the selected text, e.g. “提取待办事项，每项一行”.</source>
      <translation>要对选中的文字做什么，例如“提取待办事项，每项一行”。</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="115" />
      <source>The text's own language</source>
      <translation>与原文相同的语言</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="121" />
      <source>A new text (free instruction)</source>
      <translation>生成新文本（自由指令）</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="123" />
      <source>Rewrite: %1</source>
      <translation>改写：%1</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="125" />
      <source>A rewrite keeps the text's language and shows the changes to accept</source>
      <translation>改写保留原文语言，并列出修改供你逐条接受</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="133" />
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="136" />
      <source>Save this action</source>
      <translation>保存这个动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="141" />
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="142" />
      <source>&amp;Instruction:</source>
      <translation>指令(&amp;I)：</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="143" />
      <source>&amp;Answer in:</source>
      <translation>回答语言(&amp;A)：</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="144" />
      <source>&amp;Kind:</source>
      <translation>类型(&amp;K)：</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="157" />
      <source>Import…</source>
      <translation>导入…</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="160" />
      <source>Add the actions of a JSON file</source>
      <translation>添加 JSON 文件中的动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="163" />
      <source>Export…</source>
      <translation>导出…</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="166" />
      <source>Save every action to a JSON file</source>
      <translation>把所有动作保存到 JSON 文件</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="168" />
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="277" />
      <source>Import actions</source>
      <translation>导入动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="277" />
      <source>Actions (*.json);;All files (*)</source>
      <translation>动作 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="295" />
      <source>Export actions</source>
      <translation>导出动作</translation>
    </message>
    <message>
      <location filename="../../ui/actions_dialog.py" line="295" />
      <source>Actions (*.json)</source>
      <translation>动作 (*.json)</translation>
    </message>
  </context>
  <context>
    <name>AskPage</name>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="68" />
      <source>Ask your documents</source>
      <translation>向文档提问</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="72" />
      <source>Ask a question about your documents…</source>
      <translation>就您的文档提一个问题…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="75" />
      <source>Ask</source>
      <translation>提问</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="78" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="81" />
      <source>New conversation</source>
      <translation>新对话</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="83" />
      <source>Forget the earlier questions (Ctrl+N)</source>
      <translation>忘记之前的问题（Ctrl+N）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="94" />
      <source>Click a citation to see the passage it quotes.</source>
      <translation>点击引用，查看它所引用的段落。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/ask_page.py" line="156" />
      <source>Answers come from the documents you summarized or added with `deskmate documents add`, with numbered citations you can click. Type a question above and press Enter.</source>
      <translation>回答来自您摘要过或用 `deskmate documents add` 添加的文档，并附有可点击的编号引用。在上方输入问题并按回车。</translation>
    </message>
  </context>
  <context>
    <name>CalendarsBox</name>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="41" />
      <source>Calendars (CalDAV)</source>
      <translation>日历（CalDAV）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="48" />
      <source>Deskmate keeps a copy of the calendars you tick, for conflicts, free slots and reminders, and writes accepted suggestions back. It only deletes events it created.</source>
      <translation>Deskmate 会保存您勾选的日历的副本，用于冲突检查、空闲时段和提醒，并把接受的建议写回日历。它只会删除自己创建的日程。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="62" />
      <source>kept in the OS keyring</source>
      <translation>保存在系统密钥环中</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="64" />
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="65" />
      <source>User</source>
      <translation>用户名</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="66" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="76" />
      <source>Connect and test</source>
      <translation>连接并测试</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="79" />
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="105" />
      <source>not synced yet</source>
      <translation>尚未同步</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="113" />
      <source>No calendar yet: enter your server above and connect.</source>
      <translation>还没有日历：请在上方填写服务器并连接。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="122" />
      <source>synced %1</source>
      <translation>已同步 %1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="144" />
      <source>Connecting to %1…</source>
      <translation>正在连接 %1…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="158" />
      <source>Connected: %1 calendars. Tick the ones to sync.</source>
      <translation>已连接：%1 个日历。请勾选要同步的日历。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="184" />
      <location filename="../../ui/pages/calendars_box.py" line="212" />
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="194" />
      <source>%1: %2 new, %3 changed, %4 removed</source>
      <translation>%1：新增 %2，更改 %3，删除 %4</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="201" />
      <source>Nothing to sync.</source>
      <translation>没有要同步的日历。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/calendars_box.py" line="222" />
      <source>Done: your calendar has the version you kept.</source>
      <translation>完成：日历中现在是你保留的版本。</translation>
    </message>
  </context>
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
    <name>DataFolderBox</name>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="43" />
      <source>Data folder</source>
      <translation>数据文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="49" />
      <source>Change…</source>
      <translation>更改…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="51" />
      <source>Reset to default</source>
      <translation>恢复默认</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="60" />
      <source>Runs, documents, settings, models and logs live here. A new folder takes effect at the next start: your data is copied there and checked, the models folder is moved (on another drive, the bundled models are rebuilt from the installed packages instead of copied), and the old folder is kept for you to delete. --data-dir and DESKMATE_DATA_DIR still win over this choice.</source>
      <translation>运行记录、文档、设置、模型和日志都保存在这里。新文件夹在下次启动时生效：数据会复制过去并校验，模型文件夹会被移动（若在另一块磁盘上，则不复制内置模型，而是用已安装的模型包重新生成），旧文件夹会保留，由你自行删除。--data-dir 和 DESKMATE_DATA_DIR 仍优先于此设置。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="83" />
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="94" />
      <source>Choose a folder for Deskmate's data</source>
      <translation>选择 Deskmate 的数据文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="122" />
      <source>%1 already holds Deskmate data. Use that data as it is from the next start? Your current data stays where it is.</source>
      <translation>%1 中已有 Deskmate 数据。从下次启动起直接使用这些数据吗？当前数据保留在原处。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="126" />
      <source>It is an older copy left there by an earlier move.</source>
      <translation>这是之前迁移时留下的旧副本。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="127" />
      <source>Use the existing data?</source>
      <translation>使用已有数据？</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="142" />
      <source>Set by DESKMATE_DATA_DIR: unset it to choose the folder here.</source>
      <translation>由 DESKMATE_DATA_DIR 指定：取消该变量后才能在这里选择文件夹。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="147" />
      <source>At the next start your data moves to %1.</source>
      <translation>下次启动时，数据将迁移到 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="151" />
      <source>Given with --data-dir; without it Deskmate uses %1.</source>
      <translation>由 --data-dir 指定；不带该参数时 Deskmate 使用 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="154" />
      <source>From the next start Deskmate uses %1.</source>
      <translation>从下次启动起，Deskmate 将使用 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="158" />
      <source>Your data was moved here from %1. That folder is no longer used: delete it once you have checked that everything is here.</source>
      <translation>数据已从 %1 迁移到这里。该文件夹不再使用：确认数据完整后即可删除。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/data_folder_box.py" line="163" />
      <source>The last move failed: %1</source>
      <translation>上次迁移失败：%1</translation>
    </message>
  </context>
  <context>
    <name>FirstRun</name>
    <message>
      <location filename="../../ui/first_run.py" line="91" />
      <source>Preparing the language model %1 (first start only)…</source>
      <translation>正在准备语言模型 %1（仅首次启动）…</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="94" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="100" />
      <source>Deskmate: first start</source>
      <translation>Deskmate：首次启动</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="135" />
      <source>Model unavailable</source>
      <translation>模型不可用</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="138" />
      <source>Model preparation cancelled: it resumes at the next start.</source>
      <translation>已取消模型准备：下次启动时继续。</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="159" />
      <source>Deskmate: add a language model</source>
      <translation>Deskmate：添加语言模型</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="161" />
      <source>Deskmate needs a language model (a GGUF file); none is installed yet.</source>
      <translation>Deskmate 需要一个语言模型（GGUF 文件）；目前尚未安装。</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="165" />
      <source>Add GGUF file…</source>
      <translation>添加 GGUF 文件…</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="166" />
      <source>Open download page</source>
      <translation>打开下载页面</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="167" />
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="185" />
      <source>Add a GGUF model</source>
      <translation>添加 GGUF 模型</translation>
    </message>
    <message>
      <location filename="../../ui/first_run.py" line="185" />
      <source>GGUF models (*.gguf)</source>
      <translation>GGUF 模型 (*.gguf)</translation>
    </message>
  </context>
  <context>
    <name>HistoryPage</name>
    <message>
      <location filename="../../ui/pages/history.py" line="87" />
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="91" />
      <source>Ask</source>
      <translation>提问</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="92" />
      <source>Calendar import</source>
      <translation>日历导入</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="95" />
      <source>done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="96" />
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="97" />
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="98" />
      <source>running</source>
      <translation>进行中</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="102" />
      <source>Search results and documents…</source>
      <translation>搜索结果和文档…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="105" />
      <source>All tasks</source>
      <translation>全部任务</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="109" />
      <source>Documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="110" />
      <source>Trash</source>
      <translation>回收站</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="126" />
      <source>Open again</source>
      <translation>重新打开</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="127" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="128" />
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="224" />
      <source>Nothing found.</source>
      <translation>没有找到结果。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="224" />
      <source>Nothing here yet.</source>
      <translation>这里还没有内容。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="315" />
      <source>Document moved to the trash: %1</source>
      <translation>文档已移到回收站：%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/history.py" line="316" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
  </context>
  <context>
    <name>IdentityDialog</name>
    <message>
      <location filename="../../ui/identity_dialog.py" line="45" />
      <source>Deskmate: who are you?</source>
      <translation>Deskmate：你是谁？</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="49" />
      <source>Reply drafts are written as you: from your address, signed with your name. You can change this later in Settings.</source>
      <translation>回复草稿以你的身份撰写：从你的邮箱发出，落款是你的名字。以后可以在设置中修改。</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="58" />
      <source>e.g. Alex Chen / 陈亚历</source>
      <translation>例如 陈亚历 / Alex Chen</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="62" />
      <source>e.g. Best regards (empty: usual closing)</source>
      <translation>例如 祝好！（留空：常用结尾）</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="63" />
      <source>Your name</source>
      <translation>你的名字</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="64" />
      <source>Your email addresses</source>
      <translation>你的邮箱地址</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="65" />
      <source>Sign-off</source>
      <translation>落款</translation>
    </message>
    <message>
      <location filename="../../ui/identity_dialog.py" line="75" />
      <source>Skip</source>
      <translation>跳过</translation>
    </message>
  </context>
  <context>
    <name>LibraryPage</name>
    <message>
      <location filename="../../ui/pages/library_page.py" line="90" />
      <source>Library</source>
      <translation>文档库</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="95" />
      <source>Add folder…</source>
      <translation>添加文件夹…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="96" />
      <source>Index the documents of a folder (Ctrl+O)</source>
      <translation>为一个文件夹中的文档建立索引（Ctrl+O）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="97" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="99" />
      <source>Stop indexing the selected folder; its documents go to the trash (Delete)</source>
      <translation>停止索引所选文件夹；其文档移入回收站（Delete）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="102" />
      <source>Pause or resume indexing (Ctrl+P)</source>
      <translation>暂停或继续索引（Ctrl+P）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="103" />
      <source>Scan now</source>
      <translation>立即扫描</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="104" />
      <source>Look for new, changed and deleted files now (F5)</source>
      <translation>立即查找新增、修改和删除的文件（F5）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="117" />
      <source>No library folders yet. Click “Add folder…” (Ctrl+O) and choose a folder of documents: Deskmate indexes every PDF, Word, text and Markdown file in it for Search and Ask, and keeps up with new, changed and deleted files. It only reads the folder; it never changes your files.</source>
      <translation>文档库中还没有文件夹。点击“添加文件夹…”（Ctrl+O）并选择一个存放文档的文件夹：Deskmate 会为其中的 PDF、Word、文本和 Markdown 文件建立索引，供搜索和问文档使用，并跟进新增、修改和删除的文件。它只读取该文件夹，绝不改动你的文件。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="126" />
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="126" />
      <source>Indexed</source>
      <translation>已索引</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="126" />
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="128" />
      <source>Files that could not be loaded</source>
      <translation>无法读取的文件</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="130" />
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="130" />
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="151" />
      <source>Add a folder to the library</source>
      <translation>向文档库添加文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="222" />
      <source>Indexing stopped: %1</source>
      <translation>索引已停止：%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="224" />
      <source>Indexing is paused; it resumes where it stopped.</source>
      <translation>索引已暂停；继续时将从中断处接着进行。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="226" />
      <source>Indexing %1 of %2 files</source>
      <translation>正在索引第 %1 个文件，共 %2 个</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="234" />
      <source>Up to date; new, changed and deleted files are noticed within a minute.</source>
      <translation>已是最新；新增、修改和删除的文件会在一分钟内被发现。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="242" />
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <location filename="../../ui/pages/library_page.py" line="242" />
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
  </context>
  <context>
    <name>MailAccountsBox</name>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="40" />
      <source>Mail accounts</source>
      <translation>邮件账户</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="47" />
      <source>Deskmate reads your INBOX and saves reply drafts to your Drafts folder. It never sends, deletes or moves mail. Gmail, Outlook.com, QQ Mail and 163 need an app password (see docs/MAIL.md).</source>
      <translation>Deskmate 读取你的收件箱，并把回复草稿存入草稿箱。它绝不发送、删除或移动邮件。Gmail、Outlook.com、QQ 邮箱和 163 邮箱需要使用应用专用密码或授权码（见 docs/MAIL.md）。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="61" />
      <source>work, gmail…</source>
      <translation>工作、gmail…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="65" />
      <source>TLS (port 993)</source>
      <translation>TLS（端口 993）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="66" />
      <source>STARTTLS (port 143)</source>
      <translation>STARTTLS（端口 143）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="74" />
      <source>kept in the OS keyring</source>
      <translation>保存在系统密钥环中</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="76" />
      <source>empty: the system's certificates</source>
      <translation>留空：使用系统证书</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="77" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="84" />
      <source>Draft replies to new mail automatically</source>
      <translation>自动为新邮件起草回复</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="86" />
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="87" />
      <source>IMAP server</source>
      <translation>IMAP 服务器</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="88" />
      <source>Security</source>
      <translation>安全连接</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="89" />
      <source>Port</source>
      <translation>端口</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="90" />
      <source>User</source>
      <translation>用户名</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="91" />
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="92" />
      <source>Your name</source>
      <translation>你的名字</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="93" />
      <source>Your address</source>
      <translation>你的邮箱地址</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="96" />
      <source>CA file</source>
      <translation>CA 证书文件</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="101" />
      <source>Save account</source>
      <translation>保存账户</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="104" />
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="107" />
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="129" />
      <source>auto-draft on</source>
      <translation>自动起草：开</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="129" />
      <source>auto-draft off</source>
      <translation>自动起草：关</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="132" />
      <source>No account yet: fill in the form below and save.</source>
      <translation>还没有账户：请填写下面的表单并保存。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="159" />
      <source>CA certificate</source>
      <translation>CA 证书</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="159" />
      <source>Certificates (*.pem *.crt)</source>
      <translation>证书 (*.pem *.crt)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="198" />
      <source>Saved %1.</source>
      <translation>已保存 %1。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="213" />
      <source>Connecting to %1…</source>
      <translation>正在连接 %1…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="226" />
      <source>new mail is noticed at once (IDLE)</source>
      <translation>新邮件会立即被发现（IDLE）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="226" />
      <source>polling</source>
      <translation>定时检查</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="228" />
      <source>Connected: %1 mails in INBOX; drafts go to “%2”; %3.</source>
      <translation>连接成功：收件箱共 %1 封邮件；草稿存入“%2”；%3。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_accounts_box.py" line="252" />
      <source>Removed %1.</source>
      <translation>已删除 %1。</translation>
    </message>
  </context>
  <context>
    <name>MailPage</name>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="62" />
      <source>Mail</source>
      <translation>邮件</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="68" />
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="70" />
      <source>Fetch the newest mails (F5)</source>
      <translation>获取最新邮件（F5）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="71" />
      <source>Account:</source>
      <translation>账户：</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="86" />
      <source>From</source>
      <translation>发件人</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="86" />
      <source>Subject</source>
      <translation>主题</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="86" />
      <source>Date</source>
      <translation>日期</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="97" />
      <source>Answer</source>
      <translation>答复</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="97" />
      <source>Accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="97" />
      <source>Decline</source>
      <translation>拒绝</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="97" />
      <source>Ask questions</source>
      <translation>提问</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="102" />
      <source>Draft reply</source>
      <translation>起草回复</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="104" />
      <source>Write a reply to the selected mail (Ctrl+R)</source>
      <translation>为选中的邮件起草回复（Ctrl+R）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="106" />
      <source>Save to Drafts</source>
      <translation>存入草稿箱</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="109" />
      <source>Add the draft to the account's Drafts folder; it is never sent (Ctrl+S)</source>
      <translation>把草稿存入该账户的草稿箱，绝不会发送（Ctrl+S）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="119" />
      <source>Select a mail and press Draft reply: the draft appears here to edit.</source>
      <translation>选中一封邮件并点击“起草回复”：草稿会显示在这里，可以修改。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="155" />
      <source>No mail account yet.&lt;br&gt;Add one in &lt;a href="settings"&gt;Settings → Mail accounts&lt;/a&gt;, then press Refresh.</source>
      <translation>还没有邮件账户。&lt;br&gt;请在&lt;a href="settings"&gt;设置 → 邮件账户&lt;/a&gt;中添加，然后点击“刷新”。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="160" />
      <source>Press Refresh (F5) to fetch the newest mails.</source>
      <translation>点击“刷新”（F5）获取最新邮件。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="184" />
      <source>Fetching the newest mails of %1…</source>
      <translation>正在获取 %1 的最新邮件…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="205" />
      <source>A reply draft is in Drafts</source>
      <translation>草稿箱里已有回复草稿</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="214" />
      <source>INBOX is empty.</source>
      <translation>收件箱是空的。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="217" />
      <source>%1 mails in INBOX, newest %2 shown; %3 with a reply draft.</source>
      <translation>收件箱共 %1 封邮件，显示最新 %2 封；%3 封已有回复草稿。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="245" />
      <source>Reading the mail…</source>
      <translation>正在读取邮件…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="256" />
      <source>Writing the draft…</source>
      <translation>正在起草…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="268" />
      <source>Draft ready: edit it, then Save to Drafts.</source>
      <translation>草稿已就绪：修改后点击“存入草稿箱”。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="280" />
      <source>Saving to Drafts…</source>
      <translation>正在存入草稿箱…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/mail_page.py" line="288" />
      <source>Saved to %1. Open your mail app to send it.</source>
      <translation>已存入 %1。请在你的邮件应用中发送。</translation>
    </message>
  </context>
  <context>
    <name>MailWatchers</name>
    <message>
      <location filename="../../ui/mail_watchers.py" line="24" />
      <source>%n reply drafts ready</source>
      <translation>%n 份回复草稿已就绪</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../ui/main_window.py" line="120" />
      <source>Mail</source>
      <translation>邮件</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="121" />
      <source>Ask documents</source>
      <translation>问文档</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="122" />
      <source>Library</source>
      <translation>文档库</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="124" />
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="125" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="133" />
      <source>Model: not loaded yet</source>
      <translation>模型：尚未加载</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="297" />
      <source>This result's task is not available.</source>
      <translation>该结果的任务不可用。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="302" />
      <source>From History: %1</source>
      <translation>来自历史：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="320" />
      <source>Loading the model…</source>
      <translation>正在加载模型…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="331" />
      <source>Model: %1</source>
      <translation>模型：%1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="339" />
      <source>Model unavailable</source>
      <translation>模型不可用</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="352" />
      <source>Calendar sync works again.</source>
      <translation>日历同步已恢复。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="362" />
      <source>GPU (%1 layers)</source>
      <translation>GPU，%1 层</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="360" />
      <source>the server at %1</source>
      <translation>服务器 %1</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="366" />
      <source>%1 on %2</source>
      <translation>%1（%2）</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="370" />
      <source>Result deleted.</source>
      <translation>结果已删除。</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="371" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="385" />
      <source>Model settings changed: reloading…</source>
      <translation>模型设置已更改：正在重新加载…</translation>
    </message>
    <message>
      <location filename="../../ui/main_window.py" line="423" />
      <source>Drop %1 file(s) here: %2</source>
      <translation>拖放 %1 个文件到此处：%2</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="152" />
      <source>Global hotkey unavailable (%1): bind `deskmate quick` instead.</source>
      <translation>全局快捷键不可用（%1）：请改为绑定 `deskmate quick`。</translation>
    </message>
    <message>
      <location filename="../../ui/app.py" line="227" />
      <source>The new language is used after a restart.</source>
      <translation>新语言将在重启后生效。</translation>
    </message>
  </context>
  <context>
    <name>MessageBar</name>
    <message>
      <location filename="../../ui/message_bar.py" line="33" />
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="86" />
      <source>%1: %2</source>
      <translation>%1：%2</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="94" />
      <source>This kind of file is not supported</source>
      <translation>不支持这种文件</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="95" />
      <source>The document is encrypted</source>
      <translation>文档已加密</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="96" />
      <source>The document is damaged</source>
      <translation>文档已损坏</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="97" />
      <source>The document has no text</source>
      <translation>文档中没有文字</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="98" />
      <source>The document is too large</source>
      <translation>文档太大</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="99" />
      <source>The document cannot be read</source>
      <translation>无法读取文档</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="100" />
      <source>The calendar file cannot be read</source>
      <translation>无法读取日历文件</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="101" />
      <source>The model is not installed</source>
      <translation>模型尚未安装</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="102" />
      <source>The model file is damaged or not a GGUF model</source>
      <translation>模型文件已损坏或不是 GGUF 模型</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="103" />
      <source>Not enough memory for this model</source>
      <translation>内存不足，无法运行此模型</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="104" />
      <source>The model cannot run</source>
      <translation>模型无法运行</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="105" />
      <source>The model server failed</source>
      <translation>模型服务器出错</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="106" />
      <source>The disk is full</source>
      <translation>磁盘已满</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="107" />
      <source>The database failed</source>
      <translation>数据库出错</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="108" />
      <source>The data folder is in use</source>
      <translation>数据文件夹正在使用中</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="109" />
      <source>That folder already holds Deskmate data</source>
      <translation>该文件夹中已有 Deskmate 数据</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="110" />
      <source>The data folder cannot be used</source>
      <translation>无法使用该数据文件夹</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="111" />
      <source>The mail server refused the sign-in</source>
      <translation>邮件服务器拒绝登录</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="112" />
      <source>The mail server's certificate was refused</source>
      <translation>邮件服务器的证书未通过验证</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="113" />
      <source>The mail server did not answer in time</source>
      <translation>邮件服务器未及时响应</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="114" />
      <source>The mail server failed</source>
      <translation>邮件服务器出错</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="115" />
      <source>The calendar server refused the sign-in</source>
      <translation>日历服务器拒绝登录</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="116" />
      <source>The calendar server's certificate was refused</source>
      <translation>日历服务器的证书未通过验证</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="119" />
      <source>The calendar server did not answer in time</source>
      <translation>日历服务器未及时响应</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="120" />
      <source>The event changed on the server too</source>
      <translation>该日程在服务器上也被修改了</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="121" />
      <source>The calendar server cannot be reached</source>
      <translation>无法连接日历服务器</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="122" />
      <source>The calendar server refused a change</source>
      <translation>日历服务器拒绝了一项更改</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="123" />
      <source>Calendar sync failed</source>
      <translation>日历同步失败</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="124" />
      <source>Invalid setting</source>
      <translation>设置无效</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="125" />
      <source>Stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="126" />
      <source>That cannot be done</source>
      <translation>无法执行此操作</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="127" />
      <source>A problem with this computer's set-up</source>
      <translation>本机环境有问题</translation>
    </message>
    <message>
      <location filename="../../ui/message_bar.py" line="133" />
      <source>Something went wrong</source>
      <translation>出错了</translation>
    </message>
  </context>
  <context>
    <name>Pages</name>
    <message>
      <location filename="../../ui/pages/specs.py" line="104" />
      <source>English</source>
      <translation>英语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="105" />
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="106" />
      <source>Japanese</source>
      <translation>日语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="107" />
      <source>French</source>
      <translation>法语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="108" />
      <source>German</source>
      <translation>德语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="109" />
      <source>Spanish</source>
      <translation>西班牙语</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="115" />
      <source>Fix spelling and grammar</source>
      <translation>改正错别字和语法</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="116" />
      <source>Improve the writing</source>
      <translation>润色文字</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="117" />
      <source>More formal</source>
      <translation>更正式</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="118" />
      <source>More friendly</source>
      <translation>更亲切</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="119" />
      <source>More concise</source>
      <translation>更简洁</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="120" />
      <source>Shorter</source>
      <translation>缩短</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="121" />
      <source>Longer</source>
      <translation>扩写</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="130" />
      <source>Summarize</source>
      <translation>摘要</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="131" />
      <source>Paste text here, open a document, or drop files on the window.</source>
      <translation>在此粘贴文字、打开文档，或将文件拖到窗口上。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="134" />
      <location filename="../../ui/pages/specs.py" line="168" />
      <source>Documents (*.pdf *.docx *.html *.htm *.md *.txt);;All files (*)</source>
      <translation>文档 (*.pdf *.docx *.html *.htm *.md *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="141" />
      <source>Length</source>
      <translation>长度</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="143" />
      <location filename="../../ui/pages/specs.py" line="218" />
      <source>Brief</source>
      <translation>简短</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="144" />
      <source>Standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="145" />
      <source>Detailed</source>
      <translation>详细</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="151" />
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="153" />
      <source>Same as the document</source>
      <translation>与文档相同</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="164" />
      <source>Translate</source>
      <translation>翻译</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="165" />
      <source>Text to translate, or open a document.</source>
      <translation>要翻译的文字，或打开文档。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="174" />
      <source>Into</source>
      <translation>译为</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="184" />
      <source>Polish</source>
      <translation>润色</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="185" />
      <source>Text to correct or rewrite (English or Chinese), or open a document.</source>
      <translation>输入要改正或改写的文字（中文或英文），或打开文档。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="188" />
      <source>Documents (*.md *.txt *.docx *.html *.htm);;All files (*)</source>
      <translation>文档 (*.md *.txt *.docx *.html *.htm);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="192" />
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="198" />
      <source>Reply</source>
      <translation>回复</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="199" />
      <source>Open or drop an email (.eml), or paste its text.</source>
      <translation>打开或拖入邮件 (.eml)，或粘贴其内容。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="202" />
      <source>Emails (*.eml);;All files (*)</source>
      <translation>邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="207" />
      <source>What to say</source>
      <translation>回复要点</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="208" />
      <source>e.g. accept, propose Tuesday instead</source>
      <translation>例如：接受，或改约周二</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="214" />
      <source>Tone</source>
      <translation>语气</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="216" />
      <source>Friendly</source>
      <translation>友好</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="217" />
      <source>Formal</source>
      <translation>正式</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="228" />
      <source>Schedule</source>
      <translation>日程</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="229" />
      <source>Describe a meeting, paste an invitation, or open a calendar (.ics).</source>
      <translation>描述会议、粘贴邀请，或打开日历 (.ics)。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="232" />
      <source>Calendars (*.ics);;All files (*)</source>
      <translation>日历 (*.ics);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/specs.py" line="238" />
      <source>Ask</source>
      <translation>提问</translation>
    </message>
  </context>
  <context>
    <name>PolishPage</name>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="44" />
      <source>Actions</source>
      <translation>动作</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="45" />
      <source>Your own actions on the text (Alt+A)</source>
      <translation>你自定义的文字动作（Alt+A）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="66" />
      <source>Accept all</source>
      <translation>全部接受</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="68" />
      <source>Accept every change (Ctrl+Shift+A)</source>
      <translation>接受所有修改（Ctrl+Shift+A）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="69" />
      <source>Reject all</source>
      <translation>全部拒绝</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="71" />
      <source>Keep the original text (Ctrl+Shift+R)</source>
      <translation>保留原文（Ctrl+Shift+R）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="87" />
      <source>Edit actions…</source>
      <translation>编辑动作…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="98" />
      <source>Type or paste a text first.</source>
      <translation>请先输入或粘贴文字。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/polish_page.py" line="131" />
      <source>No changes: the text is fine as it is.</source>
      <translation>没有修改：原文已经没有问题。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pages/polish_page.py" line="136" />
      <source>%n change(s). Click a change to accept or reject it.</source>
      <translation>
        <numerusform>%n 处修改。点击某处修改可接受或拒绝它。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pages/polish_page.py" line="141" />
      <source>Done. %n paragraph(s) kept as they were.</source>
      <translation>
        <numerusform>完成。%n 段保持原样。</numerusform>
      </translation>
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
      <location filename="../../ui/quick_popup.py" line="93" />
      <source>My documents</source>
      <translation>我的文档</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="96" />
      <source>Ask answers from your library, with citations (Alt+D)</source>
      <translation>从文档库中回答，并附引用（Alt+D）</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="117" />
      <source>Enter runs · Ctrl+Enter replaces · Shift+Enter new line · Esc closes</source>
      <translation>Enter 运行 · Ctrl+Enter 替换 · Shift+Enter 换行 · Esc 关闭</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="121" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="123" />
      <source>Replace</source>
      <translation>替换</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="126" />
      <source>Put the result in place of the selected text (Ctrl+Enter)</source>
      <translation>用结果替换所选文字（Ctrl+Enter）</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="162" />
      <source>Alt+%1</source>
      <translation>Alt+%1</translation>
    </message>
    <message>
      <location filename="../../ui/quick_popup.py" line="213" />
      <source>Thinking…</source>
      <translation>思考中…</translation>
    </message>
  </context>
  <context>
    <name>Reminders</name>
    <message>
      <location filename="../../ui/reminders_ui.py" line="53" />
      <source>Snooze 5 min</source>
      <translation>5 分钟后提醒</translation>
    </message>
    <message>
      <location filename="../../ui/reminders_ui.py" line="54" />
      <source>Snooze 10 min</source>
      <translation>10 分钟后提醒</translation>
    </message>
    <message>
      <location filename="../../ui/reminders_ui.py" line="55" />
      <source>Snooze 30 min</source>
      <translation>30 分钟后提醒</translation>
    </message>
    <message>
      <location filename="../../ui/reminders_ui.py" line="56" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../ui/reminders_ui.py" line="108" />
      <source>While you were away: %1</source>
      <translation>你不在时的提醒：%1</translation>
    </message>
  </context>
  <context>
    <name>Replace</name>
    <message>
      <location filename="../../ui/replace.py" line="77" />
      <source>Could not paste: press Ctrl+V to paste.</source>
      <translation>无法自动粘贴：请按 Ctrl+V 粘贴。</translation>
    </message>
    <message>
      <location filename="../../ui/replace.py" line="102" />
      <source>Copied: press Ctrl+V to paste.</source>
      <translation>已复制：请按 Ctrl+V 粘贴。</translation>
    </message>
  </context>
  <context>
    <name>ReplyPage</name>
    <message>
      <location filename="../../ui/pages/reply_page.py" line="44" />
      <source>Set up who you are…</source>
      <translation>设置你的身份…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reply_page.py" line="58" />
      <source>⚠ Who you are is not set: drafts have no From and are signed without a name.</source>
      <translation>⚠ 尚未设置你的身份：草稿没有发件人，落款也没有名字。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reply_page.py" line="61" />
      <location filename="../../ui/pages/reply_page.py" line="82" />
      <source>From</source>
      <translation>发件人</translation>
    </message>
    <message>
      <location filename="../../ui/pages/reply_page.py" line="88" />
      <source>To</source>
      <translation>收件人</translation>
    </message>
  </context>
  <context>
    <name>SchedulePage</name>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="138" />
      <source>Suggestions</source>
      <translation>建议</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="238" />
      <source>Suggestions (%1)</source>
      <translation>建议（%1）</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="240" />
      <source>No suggestions.</source>
      <translation>没有建议。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="295" />
      <location filename="../../ui/pages/schedule_page.py" line="324" />
      <source>Added to the calendar: %1</source>
      <translation>已加入日历：%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="333" />
      <source>Reminder changed.</source>
      <translation>提醒已更改。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="351" />
      <source>Event deleted: %1</source>
      <translation>已删除日程：%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="352" />
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
  </context>
  <context>
    <name>SettingsPage</name>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="59" />
      <source>Settings</source>
      <translation>设置</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="162" />
      <source>auto</source>
      <translation>自动</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="210" />
      <source>kept in the OS keyring</source>
      <translation>保存在系统密钥环中</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="215" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/settings_page.py" line="221" />
      <source>Choose a folder</source>
      <translation>选择文件夹</translation>
    </message>
    <message>
      <source>Add GGUF file…</source>
      <translation>添加 GGUF 文件…</translation>
    </message>
    <message>
      <source>Folder…</source>
      <translation>文件夹…</translation>
    </message>
    <message>
      <source>System time zone</source>
      <translation>系统时区</translation>
    </message>
    <message>
      <source>Add a GGUF model</source>
      <translation>添加 GGUF 模型</translation>
    </message>
    <message>
      <source>GGUF models (*.gguf)</source>
      <translation>GGUF 模型 (*.gguf)</translation>
    </message>
    <message>
      <source>unknown time zone: %1</source>
      <translation>未知时区：%1</translation>
    </message>
  </context>
  <context>
    <name>SuggestionRow</name>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="79" />
      <source>From the text: %1</source>
      <translation>原文：%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="91" />
      <source>no time given</source>
      <translation>未给出时间</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="95" />
      <source>Conflicts with: %1</source>
      <translation>与以下日程冲突：%1</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="98" />
      <source>Accept</source>
      <translation>接受</translation>
    </message>
    <message>
      <location filename="../../ui/pages/schedule_page.py" line="100" />
      <source>Reject</source>
      <translation>拒绝</translation>
    </message>
  </context>
  <context>
    <name>TaskPage</name>
    <message>
      <location filename="../../ui/pages/task_page.py" line="81" />
      <source>Open file…</source>
      <translation>打开文件…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="83" />
      <source>Clear</source>
      <translation>清除</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="97" />
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="99" />
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="117" />
      <source>The result appears here.</source>
      <translation>结果显示在这里。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="121" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="122" />
      <source>Save…</source>
      <translation>保存…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="250" />
      <source>Section %1 of %2 done; the overview comes when all are done.</source>
      <translation>已完成第 %1 段（共 %2 段）；全部完成后再写总览。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="265" />
      <source>The overview is written when all sections are done.</source>
      <translation>全部分段完成后再写总览。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="287" />
      <source>Check this draft: it may not do what you asked.</source>
      <translation>请检查这份草稿：它可能没有按您的要求写。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="298" />
      <source>Stopped.</source>
      <translation>已停止。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="182" />
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="216" />
      <source>Type or open something first.</source>
      <translation>请先输入或打开内容。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="228" />
      <source>Working…</source>
      <translation>处理中…</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="283" />
      <source>Done.</source>
      <translation>完成。</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="285" />
      <source>Some glossary terms were not used (see the glossary).</source>
      <translation>部分术语表词条未被使用（请查看术语表）。</translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pages/task_page.py" line="290" />
      <source>Sentences giving the assistant orders were kept untranslated: %n.</source>
      <translation>
        <numerusform>有 %n 句向助手下指令的句子保留原文，未翻译。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <location filename="../../ui/pages/task_page.py" line="305" />
      <source>Stopped with %n section(s) done. They are kept: summarize the same document again to resume from there.</source>
      <translation>
        <numerusform>已停止，完成了 %n 段并已保留：再次总结同一文档即可从这里继续。</numerusform>
      </translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="328" />
      <source>Save result</source>
      <translation>保存结果</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="328" />
      <source>Markdown (*.md)</source>
      <translation>Markdown (*.md)</translation>
    </message>
    <message>
      <location filename="../../ui/pages/task_page.py" line="340" />
      <source>Could not save: %1</source>
      <translation>无法保存：%1</translation>
    </message>
    <message numerus="yes">
      <source>about %n min left</source>
      <translation>
        <numerusform>约剩 %n 分钟</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>about %n s left</source>
      <translation>
        <numerusform>约剩 %n 秒</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TasksPanel</name>
    <message>
      <location filename="../../ui/tasks_panel.py" line="56" />
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="64" />
      <source>No tasks yet. Add one below, or let Schedule find them in a mail.</source>
      <translation>还没有任务。可在下方添加，或让日程从邮件中找出任务。</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="96" />
      <source>New task…</source>
      <translation>新任务…</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="98" />
      <source>Due: friday 5pm</source>
      <translation>截止：周五下午5点</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="103" />
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="117" />
      <source>Mark the selected tasks done (Ctrl+D)</source>
      <translation>将所选任务标记为完成（Ctrl+D）</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="104" />
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="116" />
      <source>Done</source>
      <translation>完成</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="118" />
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="120" />
      <source>Plan my day</source>
      <translation>规划今天</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="122" />
      <source>Place the open tasks into today's free time (Ctrl+Shift+P)</source>
      <translation>把未完成的任务排进今天的空闲时间（Ctrl+Shift+P）</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="124" />
      <source>Plan my week</source>
      <translation>规划本周</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="138" />
      <source>Accept selected</source>
      <translation>接受所选</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="139" />
      <source>Accept plan</source>
      <translation>接受计划</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="171" />
      <source>Tasks (%1)</source>
      <translation>任务（%1）</translation>
    </message>
    <message>
      <location filename="../../ui/tasks_panel.py" line="243" />
      <source>Nothing to place: no open task fits this plan.</source>
      <translation>没有可安排的内容：没有适合此计划的未完成任务。</translation>
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
    <name>WeekCanvas</name>
    <message>
      <location filename="../../ui/week_view.py" line="231" />
      <source>Remind me</source>
      <translation>提醒我</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="232" />
      <source>Default (Settings)</source>
      <translation>默认（设置中）</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="234" />
      <source>At the start</source>
      <translation>开始时</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="235" />
      <source>5 min before</source>
      <translation>提前 5 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="236" />
      <source>10 min before</source>
      <translation>提前 10 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="237" />
      <source>15 min before</source>
      <translation>提前 15 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="238" />
      <source>30 min before</source>
      <translation>提前 30 分钟</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="239" />
      <source>1 hour before</source>
      <translation>提前 1 小时</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="240" />
      <source>1 day before</source>
      <translation>提前 1 天</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="244" />
      <source>Delete event</source>
      <translation>删除日程</translation>
    </message>
  </context>
  <context>
    <name>WeekView</name>
    <message>
      <location filename="../../ui/week_view.py" line="303" />
      <source>Previous week</source>
      <translation>上一周</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="304" />
      <source>This week</source>
      <translation>本周</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="306" />
      <source>Next week</source>
      <translation>下一周</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="312" />
      <source>Delete event</source>
      <translation>删除日程</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="315" />
      <source>Delete the selected event (it goes to the trash; Undo brings it back)</source>
      <translation>删除所选日程（移入回收站；可用“撤销”恢复）</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="320" />
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="322" />
      <source>Sync your calendars with the server now (F5)</source>
      <translation>立即与服务器同步日历（F5）</translation>
    </message>
    <message>
      <location filename="../../ui/week_view.py" line="403" />
      <source>Week of %1 – %2</source>
      <translation>%1 – %2 这一周</translation>
    </message>
  </context>
  <context>
    <name>Settings</name>
    <message>
      <source>Model</source>
      <translation>模型</translation>
    </message>
    <message>
      <source>Language model</source>
      <translation>语言模型</translation>
    </message>
    <message>
      <source>Language model: a catalog id or the id of a GGUF file you added.</source>
      <translation>语言模型：目录中的模型，或你添加的 GGUF 文件。</translation>
    </message>
    <message>
      <source>GPU layers</source>
      <translation>GPU 层数</translation>
    </message>
    <message>
      <source>Layers offloaded to the GPU: 'auto' puts all that fit in free VRAM, 0 = CPU only.</source>
      <translation>放到 GPU 上的层数：“自动”按空闲显存放入尽可能多的层，0 = 仅用 CPU。</translation>
    </message>
    <message>
      <source>CPU threads</source>
      <translation>CPU 线程数</translation>
    </message>
    <message>
      <source>CPU threads for generation: 'auto' = number of physical cores.</source>
      <translation>生成所用的 CPU 线程：“自动” = 物理核心数。</translation>
    </message>
    <message>
      <source>Context size (tokens)</source>
      <translation>上下文长度（词元）</translation>
    </message>
    <message>
      <source>Largest context window (tokens); capped by what the model supports.</source>
      <translation>最大上下文窗口（词元），不超过模型支持的长度。</translation>
    </message>
    <message>
      <source>Prompt batch (tokens)</source>
      <translation>提示批大小（词元）</translation>
    </message>
    <message>
      <source>Prompt tokens handed to llama.cpp per call (logical batch); capped by the context size.</source>
      <translation>每次交给 llama.cpp 的提示词元数（逻辑批），不超过上下文长度。</translation>
    </message>
    <message>
      <source>Prompt micro-batch (tokens)</source>
      <translation>提示微批大小（词元）</translation>
    </message>
    <message>
      <source>Prompt tokens computed at once inside a batch (physical batch); capped by n_batch.</source>
      <translation>一个批次内同时计算的提示词元数（物理批），不超过 n_batch。</translation>
    </message>
    <message>
      <source>Prompt-lookup decoding</source>
      <translation>提示查找解码</translation>
    </message>
    <message>
      <source>Prompt-lookup decoding: guess the next tokens from text already in the prompt and check them in one step. Helps when answers quote the input; on a CPU the checks can cost more than they save.</source>
      <translation>提示查找解码：从提示中已有的文字猜出接下来的词元，一步验证。回答引用原文时更快；在 CPU 上验证的开销可能大于节省。</translation>
    </message>
    <message>
      <source>Temperature</source>
      <translation>温度</translation>
    </message>
    <message>
      <source>Sampling temperature (0 = deterministic).</source>
      <translation>采样温度（0 = 确定性输出）。</translation>
    </message>
    <message>
      <source>Longest answer (tokens)</source>
      <translation>最长回答（词元）</translation>
    </message>
    <message>
      <source>Longest answer, in tokens.</source>
      <translation>回答的最大长度（词元）。</translation>
    </message>
    <message>
      <source>Embedding model</source>
      <translation>嵌入模型</translation>
    </message>
    <message>
      <source>Embedding model: multilingual-e5-small (default), all-minilm-l6-v2 or a local sentence-transformers folder. Changing it re-embeds stored texts in the background.</source>
      <translation>嵌入模型：multilingual-e5-small（默认）、all-minilm-l6-v2，或本地 sentence-transformers 文件夹。更换后会在后台重新嵌入已存的文字。</translation>
    </message>
    <message>
      <source>Embedding device</source>
      <translation>嵌入设备</translation>
    </message>
    <message>
      <source>Device for embeddings.</source>
      <translation>计算嵌入所用的设备。</translation>
    </message>
    <message>
      <source>Automatic</source>
      <translation>自动</translation>
    </message>
    <message>
      <source>CPU</source>
      <translation>CPU</translation>
    </message>
    <message>
      <source>CUDA (NVIDIA)</source>
      <translation>CUDA（NVIDIA）</translation>
    </message>
    <message>
      <source>Metal (Apple)</source>
      <translation>Metal（Apple）</translation>
    </message>
    <message>
      <source>Remote server URL</source>
      <translation>远程服务器地址</translation>
    </message>
    <message>
      <source>OpenAI-compatible server (llama.cpp server, vLLM, Ollama), e.g. http://127.0.0.1:8080/v1. Empty = run the model in this app.</source>
      <translation>OpenAI 兼容服务器（llama.cpp server、vLLM、Ollama），例如 http://127.0.0.1:8080/v1。留空 = 在本应用中运行模型。</translation>
    </message>
    <message>
      <source>Remote model</source>
      <translation>远程模型</translation>
    </message>
    <message>
      <source>Model name to ask the remote server for.</source>
      <translation>向远程服务器请求的模型名称。</translation>
    </message>
    <message>
      <source>Remote API key</source>
      <translation>远程 API 密钥</translation>
    </message>
    <message>
      <source>API key of the remote server (kept in the OS keyring).</source>
      <translation>远程服务器的 API 密钥（保存在系统密钥环中）。</translation>
    </message>
    <message>
      <source>Parallel requests to the server</source>
      <translation>同时发往服务器的请求数</translation>
    </message>
    <message>
      <source>Requests sent to the remote server at once when summarizing a long document section by section (the local model always does one at a time).</source>
      <translation>分段摘要长文档时同时发往远程服务器的请求数（本地模型始终一次一个）。</translation>
    </message>
    <message>
      <source>Documents</source>
      <translation>文档</translation>
    </message>
    <message>
      <source>Largest file (MB)</source>
      <translation>最大文件（MB）</translation>
    </message>
    <message>
      <source>Largest document Deskmate will open (MB).</source>
      <translation>Deskmate 能打开的最大文档（MB）。</translation>
    </message>
    <message>
      <source>Summary length</source>
      <translation>摘要长度</translation>
    </message>
    <message>
      <source>Default summary length.</source>
      <translation>默认摘要长度。</translation>
    </message>
    <message>
      <source>Brief</source>
      <translation>简短</translation>
    </message>
    <message>
      <source>Standard</source>
      <translation>标准</translation>
    </message>
    <message>
      <source>Detailed</source>
      <translation>详细</translation>
    </message>
    <message>
      <source>Summary language</source>
      <translation>摘要语言</translation>
    </message>
    <message>
      <source>Language of summaries: 'auto' = the document's language, or a code like en, zh.</source>
      <translation>摘要语言：“auto” = 与文档相同，或填写语言代码如 en、zh。</translation>
    </message>
    <message>
      <source>Translate into</source>
      <translation>翻译为</translation>
    </message>
    <message>
      <source>Default target language for translation.</source>
      <translation>默认翻译目标语言。</translation>
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
      <translation>邮件回复的默认语气。</translation>
    </message>
    <message>
      <source>Formal</source>
      <translation>正式</translation>
    </message>
    <message>
      <source>Friendly</source>
      <translation>友好</translation>
    </message>
    <message>
      <source>Signature</source>
      <translation>签名</translation>
    </message>
    <message>
      <source>Signature added to email replies.</source>
      <translation>附加在邮件回复末尾的签名。</translation>
    </message>
    <message>
      <source>Your name</source>
      <translation>你的名字</translation>
    </message>
    <message>
      <source>Your name: the From of reply drafts.</source>
      <translation>你的名字：回复草稿的发件人。</translation>
    </message>
    <message>
      <source>Your email addresses</source>
      <translation>你的邮箱地址</translation>
    </message>
    <message>
      <source>Your email addresses, comma-separated; the first is the From of reply drafts (a mail sent to another one is answered from that one).</source>
      <translation>你的邮箱地址，用逗号分隔；第一个是回复草稿的发件地址（发到其他地址的邮件，就用那个地址回复）。</translation>
    </message>
    <message>
      <source>Sign-off</source>
      <translation>落款</translation>
    </message>
    <message>
      <source>How your replies end, e.g. 'Best regards' (your name follows on its own line); empty = a usual closing in the mail's language.</source>
      <translation>回复的结尾，例如“祝好！”（下一行是你的名字）；留空则用邮件语言里常用的结尾。</translation>
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
      <translation>时区（IANA 名称）；留空 = 系统时区。</translation>
    </message>
    <message>
      <source>Working hours start</source>
      <translation>上班时间</translation>
    </message>
    <message>
      <source>Start of working hours (HH:MM).</source>
      <translation>工作时间开始（时:分）。</translation>
    </message>
    <message>
      <source>Working hours end</source>
      <translation>下班时间</translation>
    </message>
    <message>
      <source>End of working hours (HH:MM).</source>
      <translation>工作时间结束（时:分）。</translation>
    </message>
    <message>
      <source>Buffer between meetings (min)</source>
      <translation>会议间隔（分钟）</translation>
    </message>
    <message>
      <source>Minutes kept free between meetings.</source>
      <translation>会议之间预留的分钟数。</translation>
    </message>
    <message>
      <source>Reminder before an event (min)</source>
      <translation>事件前提醒（分钟）</translation>
    </message>
    <message>
      <source>Minutes before an event its reminder shows (each event can have its own).</source>
      <translation>活动开始前多少分钟提醒（每个活动可单独设置）。</translation>
    </message>
    <message>
      <source>Desktop</source>
      <translation>桌面</translation>
    </message>
    <message>
      <source>Quick prompt hotkey</source>
      <translation>快速提问快捷键</translation>
    </message>
    <message>
      <source>Global hotkey for the quick prompt.</source>
      <translation>打开快速提问的全局快捷键。</translation>
    </message>
    <message>
      <source>Interface language</source>
      <translation>界面语言</translation>
    </message>
    <message>
      <source>Language of the interface.</source>
      <translation>界面显示的语言。</translation>
    </message>
    <message>
      <source>System</source>
      <translation>跟随系统</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英语</translation>
    </message>
    <message>
      <source>简体中文 (Chinese)</source>
      <translation>简体中文</translation>
    </message>
    <message>
      <source>Theme</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>Colour theme.</source>
      <translation>配色主题。</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>浅色</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>深色</translation>
    </message>
    <message>
      <source>Close to tray</source>
      <translation>关闭时最小化到托盘</translation>
    </message>
    <message>
      <source>Closing the window keeps Deskmate in the tray.</source>
      <translation>关闭窗口后 Deskmate 仍在托盘中运行。</translation>
    </message>
    <message>
      <source>Start on login</source>
      <translation>登录时启动</translation>
    </message>
    <message>
      <source>Start Deskmate when you log in.</source>
      <translation>登录时自动启动 Deskmate。</translation>
    </message>
    <message>
      <source>Library</source>
      <translation>文档库</translation>
    </message>
    <message>
      <source>Pause library indexing</source>
      <translation>暂停文档库索引</translation>
    </message>
    <message>
      <source>Pause indexing of library folders (it resumes where it stopped).</source>
      <translation>暂停资料库文件夹的索引（恢复时从停下的地方继续）。</translation>
    </message>
    <message>
      <source>Calendar for suggestions</source>
      <translation>接受建议写入的日历</translation>
    </message>
    <message>
      <source>CalDAV calendar (its URL) that accepted suggestions are written to; empty: the only synced calendar, if there is just one.</source>
      <translation>接受的日程建议写入的 CalDAV 日历（其网址）；留空：若只同步了一个日历，就写入它。</translation>
    </message>
    <message>
      <source>Sync calendars every (min)</source>
      <translation>日历同步间隔（分钟）</translation>
    </message>
    <message>
      <source>While Deskmate runs, sync the chosen CalDAV calendars at start and every this many minutes (changes waiting for the server go too); 0 = only when you press Sync now.</source>
      <translation>Deskmate 运行时，在启动时及每隔这么多分钟同步所选的 CalDAV 日历（等待上传的更改也一并发送）；0 = 仅在你点击“立即同步”时同步。</translation>
    </message>
    <message>
      <source>not on the server yet, sent at the next sync</source>
      <translation>尚未上传到服务器，下次同步时发送</translation>
    </message>
    <message>
      <source>changed on the server too: keep yours or the server's?</source>
      <translation>服务器上也改过：保留你的版本还是服务器的？</translation>
    </message>
    <message>
      <source>the server refused it; Deskmate tries again at each sync</source>
      <translation>服务器拒绝了；每次同步时 Deskmate 会重试</translation>
    </message>
    <message>
      <source>deleted here, deleted on the server at the next sync</source>
      <translation>已在本地删除，下次同步时在服务器上删除</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>保留我的</translation>
    </message>
    <message>
      <source>Send your version over the server's (Ctrl+M)</source>
      <translation>用你的版本覆盖服务器的版本（Ctrl+M）</translation>
    </message>
    <message>
      <source>Keep the server's</source>
      <translation>保留服务器的</translation>
    </message>
    <message>
      <source>Drop your change and keep the server's version</source>
      <translation>放弃你的更改，保留服务器的版本</translation>
    </message>
    <message>
      <source>&lt;b&gt;Waiting for your calendar server&lt;/b&gt;</source>
      <translation>&lt;b&gt;等待日历服务器&lt;/b&gt;</translation>
    </message>
  </context>
</TS>