<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>%1 is no longer in the project.</source>
        <translation>%1 已不在项目中。</translation>
    </message>
    <message>
        <source>%1 was changed elsewhere to “%2”; it was left as it is.</source>
        <translation>%1 已在别处被改为“%2”；保持原样未动。</translation>
    </message>
    <message numerus="yes">
        <source>%n decision(s) were changed elsewhere and left as they are. %1</source>
        <translation>
            <numerusform>%n 项决定已在别处被更改，均保持原样。%1</numerusform>
        </translation>
    </message>
    <message>
        <source>item %1: not in the project</source>
        <translation>题目 %1：不在项目中</translation>
    </message>
    <message>
        <source>item %1 was changed elsewhere since; it was left as it is</source>
        <translation>题目 %1 此后已在别处被更改；保持原样未动</translation>
    </message>
    <message>
        <source>flag %1</source>
        <translation>标记 %1</translation>
    </message>
    <message>
        <source>unflag %1</source>
        <translation>取消标记 %1</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>ProDa Workbench: test-driven data engineering for language models</source>
        <translation>ProDa Workbench：面向语言模型的测试驱动数据工程</translation>
    </message>
    <message>
        <source>A .proda project to open.</source>
        <translation>要打开的 .proda 项目。</translation>
    </message>
    <message>
        <source>Workspace to show: home, knowledge, benchmark, training or diagnosis.</source>
        <translation>要显示的工作区：home、knowledge、benchmark、training 或 diagnosis。</translation>
    </message>
    <message>
        <source>Centre the knowledge explorer on concept ID, or (benchmark) select item, sample or patch ID, or (diagnosis) a failed item or a patch.</source>
        <translation>将知识浏览器居中到概念 ID；或（benchmark）选中题目、样本或补丁 ID；或（diagnosis）选中失败题目或补丁。</translation>
    </message>
    <message>
        <source>Render the state to FILE (PNG) and exit.</source>
        <translation>将当前状态渲染到 FILE（PNG）后退出。</translation>
    </message>
    <message>
        <source>Window size WxH (default 1280x800).</source>
        <translation>窗口大小 WxH（默认 1280x800）。</translation>
    </message>
    <message>
        <source>Tab to show: graph or overview (knowledge); items, samples, patches or statistics (benchmark); launch, try or history (training); rounds, failures or evaluations (diagnosis).</source>
        <translation>要显示的标签页：graph 或 overview（knowledge）；items、samples、patches 或 statistics（benchmark）；launch、try 或 history（training）；rounds、failures 或 evaluations（diagnosis）。</translation>
    </message>
    <message>
        <source>Use the dark theme for this run.</source>
        <translation>本次运行使用深色主题。</translation>
    </message>
    <message>
        <source>Interface language for this run instead of the one in Preferences: zh_CN (Simplified Chinese), en (English) or system.</source>
        <translation>本次运行的界面语言，代替首选项中的设置：zh_CN（简体中文）、en（英语）或 system（跟随系统）。</translation>
    </message>
    <message>
        <source>proda-workbench: no translation for the language &apos;%1&apos; (zh_CN, en, system)</source>
        <translation>proda-workbench：没有语言“%1”的翻译（可用：zh_CN、en、system）</translation>
    </message>
    <message>
        <source>proda-workbench: unknown workspace &apos;%1&apos; (home, knowledge, benchmark, training, diagnosis)</source>
        <translation>proda-workbench：未知的工作区“%1”（可用：home、knowledge、benchmark、training、diagnosis）</translation>
    </message>
    <message>
        <source>proda-workbench: unknown benchmark tab &apos;%1&apos; (items, samples, patches, statistics)</source>
        <translation>proda-workbench：未知的基准标签页“%1”（可用：items、samples、patches、statistics）</translation>
    </message>
    <message>
        <source>proda-workbench: could not write %1</source>
        <translation>proda-workbench：无法写入 %1</translation>
    </message>
    <message>
        <source>proda-workbench: still busy after 60 s; saving the screenshot as it is</source>
        <translation>proda-workbench：60 秒后仍在忙；按当前状态保存截图</translation>
    </message>
</context>
<context>
    <name>proda::BackgroundJob</name>
    <message>
        <source>an unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>proda::BenchmarkWorkspace</name>
    <message>
        <source>Benchmark Items</source>
        <translation>基准题目</translation>
    </message>
    <message>
        <source>Training Samples</source>
        <translation>训练样本</translation>
    </message>
    <message>
        <source>Patch Samples</source>
        <translation>补丁样本</translation>
    </message>
    <message>
        <source>Review Statistics</source>
        <translation>审校统计</translation>
    </message>
    <message>
        <source>The project cannot be opened for review: %1</source>
        <translation>无法打开项目进行审校：%1</translation>
    </message>
    <message>
        <source>The project was changed elsewhere; the review lists were re-read.</source>
        <translation>项目已在别处被更改；已重新读取审校列表。</translation>
    </message>
</context>
<context>
    <name>proda::ChainListModel</name>
    <message>
        <source>%1
%2 · %3 steps · %4</source>
        <translation>%1
%2 · %3 步 · %4</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>推理链</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
</context>
<context>
    <name>proda::ChainStepModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>proda::ConceptInspector</name>
    <message>
        <source>&lt;h3&gt;Inspector&lt;/h3&gt;&lt;p&gt;Type in the search box to find a concept by its term or definition, then pick a result: its neighbourhood, chains and sources appear here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;检查器&lt;/h3&gt;&lt;p&gt;在搜索框中输入术语或定义来查找概念，然后选择一个结果：它的邻域、推理链和来源会显示在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Or start at the &lt;a href=&apos;concept:%1&apos;&gt;most connected concept&lt;/a&gt; (%2 relations).&lt;/p&gt;</source>
        <translation>&lt;p&gt;或者从&lt;a href=&apos;concept:%1&apos;&gt;连接最多的概念&lt;/a&gt;开始（%2 条关系）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;No definition recorded.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;没有记录定义。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;meta&apos;&gt;The word is usually read as “%1”: items and samples write it &lt;b&gt;%2 (%3)&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;meta&apos;&gt;这个词通常被理解为“%1”：题目和样本将其写作 &lt;b&gt;%2（%3）&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;meta&apos;&gt;The word is usually read as “%1”, and no chain makes a reader take it this way: items and samples leave this concept out.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;meta&apos;&gt;这个词通常被理解为“%1”，且没有推理链能让读者按此义理解：题目和样本不使用这个概念。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;meta&apos;&gt;The word is usually read as “%1”: samples leave this concept out; items keep it where their chain tells the sense.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;meta&apos;&gt;这个词通常被理解为“%1”：样本不使用这个概念；题目在其推理链能表明词义时保留它。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;meta&apos;&gt;The source says it is a kind of %1. No chain holds that statement; items read it as the concept&apos;s category.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;meta&apos;&gt;来源称它是 %1 的一种。没有推理链包含这一陈述；题目将其视为该概念的类别。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Source&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;来源&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;meta&apos;&gt;From &lt;b&gt;%1&lt;/b&gt; (chunk %2)&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;meta&apos;&gt;出自 &lt;b&gt;%1&lt;/b&gt;（片段 %2）&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;Imported knowledge: no corpus chunk is recorded for it.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;导入的知识：没有为其记录语料片段。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;No source recorded.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;没有记录来源。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Relations out (%1)&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;出向关系（%1）&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Relations in (%1)&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;入向关系（%1）&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;None.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;无。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td class=&apos;muted&apos;&gt;and %1 more&lt;/td&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;td&gt;&lt;/td&gt;&lt;td class=&apos;muted&apos;&gt;还有 %1 条&lt;/td&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Benchmark items (%1)&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;基准题目（%1）&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;No benchmark items in this project yet.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;此项目还没有基准题目。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;No benchmark item goes through this concept.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;没有基准题目经过这个概念。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;and %1 more&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;还有 %1 个&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Training samples&lt;/h3&gt;&lt;p class=&apos;muted&apos;&gt;No dataset version yet.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;训练样本&lt;/h3&gt;&lt;p class=&apos;muted&apos;&gt;还没有数据集版本。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Training samples in v%1 (%2)&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;v%1 中的训练样本（%2）&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;No sample of this version teaches the concept.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;此版本中没有样本教授这个概念。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>proda::DiagnosisWorkspace</name>
    <message>
        <source>Rounds</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>失败题目</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评测</translation>
    </message>
</context>
<context>
    <name>proda::DisciplineOverview</name>
    <message>
        <source>&lt;i&gt;No project open.&lt;/i&gt;</source>
        <translation>&lt;i&gt;未打开项目。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Records per discipline</source>
        <translation>各学科记录数</translation>
    </message>
    <message>
        <source>Largest connected component</source>
        <translation>最大连通分量</translation>
    </message>
    <message>
        <source>Healthy: every concept and relation lies on a chain</source>
        <translation>健康：每个概念和关系都位于某条推理链上</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>Orphan concepts (on no chain)</source>
        <translation>孤立概念（不在任何推理链上）</translation>
    </message>
    <message>
        <source>Orphan relations (on no chain)</source>
        <translation>孤立关系（不在任何推理链上）</translation>
    </message>
    <message>
        <source>Broken chains</source>
        <translation>断裂的推理链</translation>
    </message>
    <message>
        <source>Connected components</source>
        <translation>连通分量</translation>
    </message>
    <message>
        <source>Largest component</source>
        <translation>最大连通分量</translation>
    </message>
    <message>
        <source>%1% of the concepts</source>
        <translation>占概念的 %1%</translation>
    </message>
    <message>
        <source>&lt;p&gt;Orphan concepts, e.g. &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;孤立概念，例如 &lt;tt&gt;%1&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>推理链</translation>
    </message>
    <message>
        <source>% in largest</source>
        <translation>最大分量占比 %</translation>
    </message>
    <message>
        <source>Records per discipline (largest %1 of %2)</source>
        <translation>各学科记录数（%2 个中最大的 %1 个）</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>连通</translation>
    </message>
</context>
<context>
    <name>proda::EvaluationsPage</name>
    <message>
        <source>Evaluations</source>
        <translation>评测</translation>
    </message>
    <message>
        <source>&lt;p&gt;No evaluations yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有评测。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diagnosis classifies each failed benchmark item as a concept gap or a reasoning deficit. It needs a model evaluated on the benchmark: %1 benchmark items and %2 dataset versions exist so far.</source>
        <translation>诊断会把每道失败的基准题目归为概念缺口或推理缺陷。它需要一个在基准上评测过的模型：目前已有 %1 道基准题目和 %2 个数据集版本。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Evaluations&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;评测&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Evaluation&lt;/th&gt;&lt;th&gt;Round&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Model&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Items&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;acc&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;dev&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;test&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Concept gaps&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Reasoning deficits&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;评测&lt;/th&gt;&lt;th&gt;轮次&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;模型&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;题目数&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;准确率&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;dev&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;test&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;概念缺口&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;推理缺陷&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>No diagnosis yet: &lt;tt&gt;proda diagnose PROJECT --round N&lt;/tt&gt; probes the failed dev items.</source>
        <translation>还没有诊断：&lt;tt&gt;proda diagnose PROJECT --round N&lt;/tt&gt; 会探查失败的 dev 题目。</translation>
    </message>
    <message>
        <source>Patches</source>
        <translation>补丁</translation>
    </message>
</context>
<context>
    <name>proda::FailuresView</name>
    <message>
        <source>concept “%1”</source>
        <translation>概念“%1”</translation>
    </message>
    <message>
        <source>relation “%1 %2 %3”</source>
        <translation>关系“%1 %2 %3”</translation>
    </message>
    <message>
        <source>%1, under-learned</source>
        <translation>%1，学得不足</translation>
    </message>
    <message>
        <source>%1, untaught</source>
        <translation>%1，未教授</translation>
    </message>
    <message>
        <source>%1 (override)</source>
        <translation>%1（已改判）</translation>
    </message>
    <message>
        <source>Override Verdict</source>
        <translation>改判</translation>
    </message>
    <message>
        <source>Diagnose Round</source>
        <translation>诊断本轮</translation>
    </message>
    <message>
        <source>Write Patches</source>
        <translation>编写补丁</translation>
    </message>
    <message>
        <source>Assemble Next Round…</source>
        <translation>组装下一轮…</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>Any verdict</source>
        <translation>任意判定</translation>
    </message>
    <message>
        <source>Concept gap</source>
        <translation>概念缺口</translation>
    </message>
    <message>
        <source>Reasoning deficit</source>
        <translation>推理缺陷</translation>
    </message>
    <message>
        <source>Not diagnosed</source>
        <translation>未诊断</translation>
    </message>
    <message>
        <source>Any split</source>
        <translation>任意划分</translation>
    </message>
    <message>
        <source>Any discipline</source>
        <translation>任意学科</translation>
    </message>
    <message>
        <source>Probe each failed dev item&apos;s chain with the round&apos;s checkpoint: concept gap or reasoning deficit.</source>
        <translation>用本轮的检查点探查每道失败 dev 题目的推理链：判定为概念缺口或推理缺陷。</translation>
    </message>
    <message>
        <source>Training samples against the diagnosed failures: the fact again in other formats for an under-learned concept gap, contrastive samples for an untaught one, scaffolds for reasoning deficits.</source>
        <translation>针对已诊断失败的训练样本：对学得不足的概念缺口，以其他格式再次给出该事实；对未教授的概念缺口，给出对比样本；对推理缺陷，给出脚手架样本。</translation>
    </message>
    <message>
        <source>The accepted patches plus a replay subset that shares no relation with them.</source>
        <translation>已接受的补丁，加上一个与它们没有共同关系的回放子集。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>concept gap</source>
        <translation>概念缺口</translation>
    </message>
    <message>
        <source>reasoning deficit</source>
        <translation>推理缺陷</translation>
    </message>
    <message>
        <source>why (kept with the override)</source>
        <translation>原因（随改判一起保存）</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败详情</translation>
    </message>
    <message>
        <source>Patch Samples</source>
        <translation>补丁样本</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>The project cannot be opened for review: %1</source>
        <translation>无法打开项目进行审校：%1</translation>
    </message>
    <message>
        <source>round %1 (%2)</source>
        <translation>第 %1 轮（%2）</translation>
    </message>
    <message>
        <source>No evaluated round yet: evaluate a round in the Training workspace.</source>
        <translation>还没有已评测的轮次：请在“训练”工作区中评测一个轮次。</translation>
    </message>
    <message>
        <source>not diagnosed</source>
        <translation>未诊断</translation>
    </message>
    <message>
        <source>test: not diagnosed</source>
        <translation>test：未诊断</translation>
    </message>
    <message>
        <source>Round %1, evaluation %2 (%3): %4 failed items; %5 concept gaps, %6 reasoning deficits. Only dev items are diagnosed: the test split measures transfer.</source>
        <translation>第 %1 轮，评测 %2（%3）：%4 道失败题目；%5 个概念缺口，%6 个推理缺陷。只诊断 dev 题目：test 划分用于衡量迁移。</translation>
    </message>
    <message>
        <source>Cannot read the round: %1</source>
        <translation>无法读取该轮次：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Item %1 is no longer in the project.&lt;/p&gt;</source>
        <translation>&lt;p&gt;题目 %1 已不在项目中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>✔ key</source>
        <translation>✔ 正确答案</translation>
    </message>
    <message>
        <source>◀ model&apos;s pick</source>
        <translation>◀ 模型的选择</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Verdict: %1&lt;/h4&gt;&lt;p&gt;%2, confidence %3, by %4; overridden (was %5): %6&lt;/p&gt;</source>
        <translation>&lt;h4&gt;判定：%1&lt;/h4&gt;&lt;p&gt;%2，置信度 %3，方法 %4；已改判（原为 %5）：%6&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Verdict: %1&lt;/h4&gt;&lt;p&gt;%2, confidence %3, by %4&lt;/p&gt;</source>
        <translation>&lt;h4&gt;判定：%1&lt;/h4&gt;&lt;p&gt;%2，置信度 %3，方法 %4&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Under-learned:&lt;/b&gt; the round&apos;s dataset taught this (%1), and the model did not learn it — more passes or other forms of the same fact, rather than new data.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;学得不足：&lt;/b&gt;本轮数据集教授过这一点（%1），但模型没有学会——需要更多遍训练或同一事实的其他形式，而不是新数据。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>1 sample</source>
        <translation>1 个样本</translation>
    </message>
    <message>
        <source>%1 samples</source>
        <translation>%1 个样本</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Untaught:&lt;/b&gt; no sample of the round&apos;s dataset teaches this — a gap in the data.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;未教授：&lt;/b&gt;本轮数据集中没有样本教授这一点——这是数据中的缺口。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Not diagnosed&lt;/h4&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h4&gt;未诊断&lt;/h4&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Diagnose Round probes it.</source>
        <translation>“诊断本轮”会探查它。</translation>
    </message>
    <message>
        <source>Test items are not diagnosed: they measure transfer.</source>
        <translation>test 题目不做诊断：它们用于衡量迁移。</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Chain&lt;/h4&gt;&lt;table cellpadding=&quot;3&quot;&gt;</source>
        <translation>&lt;h4&gt;推理链&lt;/h4&gt;&lt;table cellpadding=&quot;3&quot;&gt;</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Patch Samples (%1)</source>
        <translation>补丁样本（%1）</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Patch samples for this item (%1)&lt;/h4&gt;&lt;p style=&quot;color:#666&quot;&gt;Click one to review it in the Patch Samples tab (A accepts, R rejects).&lt;/p&gt;&lt;table cellpadding=&quot;3&quot;&gt;</source>
        <translation>&lt;h4&gt;此题目的补丁样本（%1）&lt;/h4&gt;&lt;p style=&quot;color:#666&quot;&gt;点击其中一个，在“补丁样本”标签页中审校它（A 接受，R 拒绝）。&lt;/p&gt;&lt;table cellpadding=&quot;3&quot;&gt;</translation>
    </message>
    <message>
        <source>Verdict of %1 set to %2.</source>
        <translation>%1 的判定已设为%2。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Diagnosing round %1 with its checkpoint…</source>
        <translation>正在用检查点诊断第 %1 轮…</translation>
    </message>
    <message>
        <source>Round %1: %2 concept gaps, %3 reasoning deficits (%4 of %5 probes passed).</source>
        <translation>第 %1 轮：%2 个概念缺口，%3 个推理缺陷（%5 个探针中 %4 个通过）。</translation>
    </message>
    <message>
        <source>Writing patches for round %1…</source>
        <translation>正在为第 %1 轮编写补丁…</translation>
    </message>
    <message>
        <source>Round %1: %2 patch samples proposed (%3 kept as reviewed, %4 dropped as leaks); review them in Benchmark &gt; Patch Samples.</source>
        <translation>第 %1 轮：提出了 %2 个补丁样本（%3 个沿用已有审校结果，%4 个因泄漏被丢弃）；请在“基准 &gt; 补丁样本”中审校。</translation>
    </message>
</context>
<context>
    <name>proda::GraphCanvas</name>
    <message>
        <source>Search for a concept to see its neighbourhood.</source>
        <translation>搜索一个概念以查看其邻域。</translation>
    </message>
    <message>
        <source>This concept is not in the project.</source>
        <translation>此概念不在项目中。</translation>
    </message>
    <message>
        <source>ProDa knowledge neighbourhood</source>
        <translation>ProDa 知识邻域</translation>
    </message>
</context>
<context>
    <name>proda::HomeWorkspace</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>概念</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>推理链</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>连通分量</translation>
    </message>
    <message>
        <source>Largest component</source>
        <translation>最大连通分量</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>Open a project with File → Open (Ctrl+O), or create one with File → New (Ctrl+N).</source>
        <translation>通过“文件 → 打开”（Ctrl+O）打开项目，或通过“文件 → 新建”（Ctrl+N）创建项目。</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>正在打开 %1 …</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>%1 concepts · %2 relations · %3 chains · %4 disciplines · schema v%5
%6</source>
        <translation>%1 个概念 · %2 条关系 · %3 条推理链 · %4 个学科 · 模式 v%5
%6</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要关注</translation>
    </message>
    <message>
        <source>orphan concepts %1 · orphan relations %2 · broken chains %3 · components %4 (largest %5%)</source>
        <translation>孤立概念 %1 · 孤立关系 %2 · 断裂推理链 %3 · 连通分量 %4（最大占 %5%）</translation>
    </message>
    <message>
        <source>&lt;i&gt;Checking knowledge, items and samples against the curation rubric …&lt;/i&gt;</source>
        <translation>&lt;i&gt;正在按审校准则检查知识、题目和样本 …&lt;/i&gt;</translation>
    </message>
    <message>
        <source>round %1 (%2) not evaluated</source>
        <translation>第 %1 轮（%2）未评测</translation>
    </message>
    <message>
        <source>round %1 (%2): test %3, dev %4 (%5)</source>
        <translation>第 %1 轮（%2）：test %3，dev %4（%5）</translation>
    </message>
    <message>
        <source>round %1 (%2): test %3, dev %4</source>
        <translation>第 %1 轮（%2）：test %3，dev %4</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rounds&lt;/b&gt; &amp;nbsp; none yet: train and evaluate round 1 in the Training workspace.</source>
        <translation>&lt;b&gt;轮次&lt;/b&gt; &amp;nbsp; 暂无：请在“训练”工作区中训练并评测第 1 轮。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Rounds&lt;/b&gt; &amp;nbsp; %1 &amp;nbsp; &lt;a href=&quot;rounds&quot;&gt;the rounds dashboard&lt;/a&gt;</source>
        <translation>&lt;b&gt;轮次&lt;/b&gt; &amp;nbsp; %1 &amp;nbsp; &lt;a href=&quot;rounds&quot;&gt;轮次看板&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Quality: nothing flagged</source>
        <translation>质量：未发现问题</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>no suspicious concept, vague relation, flagged chain, item or sample (proda kb check).</source>
        <translation>没有可疑的概念、含糊的关系、被标记的推理链、题目或样本（proda kb check）。</translation>
    </message>
    <message>
        <source>where a curator should look (proda kb check prints all examples):</source>
        <translation>审校者应当查看的地方（proda kb check 会列出全部示例）：</translation>
    </message>
</context>
<context>
    <name>proda::ImportDialog</name>
    <message>
        <source>KB JSONL directory</source>
        <translation>KB JSONL 目录</translation>
    </message>
    <message>
        <source>ProDa JSON (extractor output)</source>
        <translation>ProDa JSON（抽取器输出）</translation>
    </message>
    <message>
        <source>WordNet 3.0 database</source>
        <translation>WordNet 3.0 数据库</translation>
    </message>
    <message>
        <source>Corpus (text folder or dictd), then extract</source>
        <translation>语料（文本文件夹或 dictd），随后抽取</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>路径(&amp;P)：</translation>
    </message>
    <message>
        <source>A directory with concepts.jsonl, relations.jsonl and chains.jsonl.</source>
        <translation>包含 concepts.jsonl、relations.jsonl 和 chains.jsonl 的目录。</translation>
    </message>
    <message>
        <source>One JSON file of the OpenRaiser/ProDa extractor, or a directory of them.</source>
        <translation>一个 OpenRaiser/ProDa 抽取器生成的 JSON 文件，或包含此类文件的目录。</translation>
    </message>
    <message>
        <source>The WordNet dict directory with data.noun, data.verb, … (e.g. /usr/share/wordnet).</source>
        <translation>包含 data.noun、data.verb 等文件的 WordNet dict 目录（例如 /usr/share/wordnet）。</translation>
    </message>
    <message>
        <source>A folder of .txt/.md files or a dictd dictionary (.index). It is chunked, filtered, and the offline rules extractor builds concepts, relations and chains from it.</source>
        <translation>一个包含 .txt/.md 文件的文件夹，或一部 dictd 词典（.index）。它会被切分成片段并过滤，再由离线规则抽取器从中构建概念、关系和推理链。</translation>
    </message>
    <message>
        <source>ProDa JSON file</source>
        <translation>ProDa JSON 文件</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Corpus file (or cancel to pick a folder)</source>
        <translation>语料文件（或取消以选择文件夹）</translation>
    </message>
    <message>
        <source>Corpora (*.txt *.md *.index *.dict *.dz)</source>
        <translation>语料 (*.txt *.md *.index *.dict *.dz)</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>目录</translation>
    </message>
</context>
<context>
    <name>proda::JobArea</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>proda::JobManager</name>
    <message>
        <source>Cancelled; the project is unchanged.</source>
        <translation>已取消；项目未改动。</translation>
    </message>
</context>
<context>
    <name>proda::KnowledgeWorkspace</name>
    <message>
        <source>Neighbourhood</source>
        <translation>邻域</translation>
    </message>
    <message>
        <source>Disciplines &amp;&amp; health</source>
        <translation>学科与健康度</translation>
    </message>
    <message>
        <source>Could not load the search: %1</source>
        <translation>无法加载搜索结果：%1</translation>
    </message>
    <message>
        <source>Could not load the neighbourhood: %1</source>
        <translation>无法加载邻域：%1</translation>
    </message>
    <message>
        <source>Could not load the concept: %1</source>
        <translation>无法加载概念：%1</translation>
    </message>
    <message>
        <source>Could not load the chain: %1</source>
        <translation>无法加载推理链：%1</translation>
    </message>
    <message>
        <source>Could not load the overlay: %1</source>
        <translation>无法加载叠加图层：%1</translation>
    </message>
    <message>
        <source>Could not load the %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>Search terms and definitions…</source>
        <translation>搜索术语和定义…</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>后退（Alt+Left）</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>前进（Alt+Right）</translation>
    </message>
    <message>
        <source>radius </source>
        <translation>半径 </translation>
    </message>
    <message>
        <source>Hops from the centred concept</source>
        <translation>距居中概念的跳数</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Raise the node cap and reload</source>
        <translation>提高节点上限并重新加载</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>Fit the graph into the view</source>
        <translation>使图适应视图大小</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>放大（Ctrl++）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>No overlay</source>
        <translation>无叠加图层</translation>
    </message>
    <message>
        <source>Training coverage</source>
        <translation>训练覆盖度</translation>
    </message>
    <message>
        <source>Benchmark coverage</source>
        <translation>基准覆盖度</translation>
    </message>
    <message>
        <source>Failure heat</source>
        <translation>失败热度</translation>
    </message>
    <message>
        <source>The round whose evaluation the failure heat shows</source>
        <translation>失败热度所显示评测对应的轮次</translation>
    </message>
    <message>
        <source>newest round</source>
        <translation>最新轮次</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Export the view as PNG or SVG, the subgraph as GEXF</source>
        <translation>将视图导出为 PNG 或 SVG，将子图导出为 GEXF</translation>
    </message>
    <message>
        <source>This project has no concepts yet. Import knowledge with File → Import.</source>
        <translation>此项目还没有概念。请通过“文件 → 导入”导入知识。</translation>
    </message>
    <message>
        <source>Search for a concept to see its neighbourhood.</source>
        <translation>搜索一个概念以查看其邻域。</translation>
    </message>
    <message>
        <source>Chains through the centred concept appear here.</source>
        <translation>经过居中概念的推理链会显示在这里。</translation>
    </message>
    <message>
        <source>No project open. Open one with File → Open (Ctrl+O).</source>
        <translation>未打开项目。请通过“文件 → 打开”（Ctrl+O）打开一个。</translation>
    </message>
    <message>
        <source>&lt;p class=&apos;muted&apos;&gt;No project open.&lt;/p&gt;</source>
        <translation>&lt;p class=&apos;muted&apos;&gt;未打开项目。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Loading the neighbourhood…</source>
        <translation>正在加载邻域…</translation>
    </message>
    <message>
        <source>No concept matches “%1”.</source>
        <translation>没有与“%1”匹配的概念。</translation>
    </message>
    <message>
        <source>Terms starting with “%1” (type more to search definitions too)</source>
        <translation>以“%1”开头的术语（继续输入可同时搜索定义）</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) (best 50)</source>
        <translation>
            <numerusform>%n 个结果（最佳 50 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 concepts · %2 relations · radius %3 · capped at %4 concepts: “Show more” raises the cap · double-click a concept to centre on it</source>
        <translation>%1 个概念 · %2 条关系 · 半径 %3 · 上限为 %4 个概念：“显示更多”可提高上限 · 双击概念可将其居中</translation>
    </message>
    <message>
        <source>%1 concepts · %2 relations · radius %3 · double-click a concept to centre on it</source>
        <translation>%1 个概念 · %2 条关系 · 半径 %3 · 双击概念可将其居中</translation>
    </message>
    <message>
        <source>No chain goes through “%1”.</source>
        <translation>没有推理链经过“%1”。</translation>
    </message>
    <message>
        <source>Chains through “%1”: pick one to highlight its path.</source>
        <translation>经过“%1”的推理链：选择一条以高亮其路径。</translation>
    </message>
    <message>
        <source>“%1”: %2 steps, %3 outside this neighbourhood (raise the radius to see them)</source>
        <translation>“%1”：%2 步，其中 %3 步在此邻域之外（增大半径即可看到）</translation>
    </message>
    <message>
        <source>“%1”: %2 steps</source>
        <translation>“%1”：%2 步</translation>
    </message>
    <message>
        <source>%1 · broken: a relation of this chain no longer exists</source>
        <translation>%1 · 已断裂：此推理链中的一条关系已不存在</translation>
    </message>
    <message>
        <source>round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>Loading the overlay…</source>
        <translation>正在加载叠加图层…</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>overlay tooltip: a count, then what is counted</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Overlay: %1 — %2 of %3 shown concepts have any (most: %4); grey rings have none.</source>
        <translation>叠加图层：%1 —— 显示的 %3 个概念中有 %2 个非零（最多：%4）；灰色圆环表示为零。</translation>
    </message>
    <message>
        <source>No subgraph is shown.</source>
        <translation>当前没有显示子图。</translation>
    </message>
    <message>
        <source>Nothing to export: centre the explorer on a concept first.</source>
        <translation>没有可导出的内容：请先将浏览器居中到某个概念。</translation>
    </message>
    <message>
        <source>Export the neighbourhood</source>
        <translation>导出邻域</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;GEXF graph (*.gexf)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg);;GEXF 图 (*.gexf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
</context>
<context>
    <name>proda::MainWindow</name>
    <message>
        <source>ProDa Workbench</source>
        <translation>ProDa Workbench</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>The job failed.</source>
        <translation>任务失败。</translation>
    </message>
    <message>
        <source>The job failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open &amp;Sample Project</source>
        <translation>打开示例项目(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export View…</source>
        <translation>导出视图(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find Concept…</source>
        <translation>查找概念(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Knowledge</source>
        <translation>知识(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Benchmark</source>
        <translation>基准(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Diagnosis</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About ProDa Workbench</source>
        <translation>关于 ProDa Workbench(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Opening %1 …</source>
        <translation>正在打开 %1 …</translation>
    </message>
    <message>
        <source>Reading the changes …</source>
        <translation>正在读取更改 …</translation>
    </message>
    <message>
        <source>Building the sample project…</source>
        <translation>正在构建示例项目…</translation>
    </message>
    <message>
        <source>Build the sample project</source>
        <translation>构建示例项目</translation>
    </message>
    <message>
        <source>Sample project built: %1 concepts, %2 relations, %3 chains, %4 benchmark items.</source>
        <translation>示例项目已构建：%1 个概念，%2 条关系，%3 条推理链，%4 道基准题目。</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>ProDa projects (*.proda)</source>
        <translation>ProDa 项目 (*.proda)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Open or create a project first: imports go into the open project.</source>
        <translation>请先打开或创建一个项目：导入的内容会进入当前打开的项目。</translation>
    </message>
    <message>
        <source>Importing %1 …</source>
        <translation>正在导入 %1 …</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Read the changes in %1 s</source>
        <translation>已读取更改，用时 %1 秒</translation>
    </message>
    <message>
        <source>%1 — ProDa Workbench</source>
        <translation>%1 — ProDa Workbench</translation>
    </message>
    <message>
        <source>Opened %1 in %2 s</source>
        <translation>已打开 %1，用时 %2 秒</translation>
    </message>
    <message>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
    <message>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>A diagnosis job is running</source>
        <translation>诊断任务正在运行</translation>
    </message>
    <message>
        <source>Quit when the running job (diagnosis, patches or round assembly) ends?</source>
        <translation>在正在运行的任务（诊断、补丁或轮次组装）结束后退出吗？</translation>
    </message>
    <message>
        <source>Quitting when the running job ends…</source>
        <translation>将在正在运行的任务结束后退出…</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <source>Stop the training with a checkpoint and quit?</source>
        <translation>保存检查点、停止训练并退出吗？</translation>
    </message>
    <message>
        <source>Stopping the training with a checkpoint…</source>
        <translation>正在保存检查点并停止训练…</translation>
    </message>
    <message>
        <source>About ProDa Workbench</source>
        <translation>关于 ProDa Workbench</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ProDa Workbench %1&lt;/h3&gt;&lt;p&gt;Test-driven data engineering for language models: knowledge structure, benchmark items, training data, training, evaluation and diagnosis in one native application.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ProDa Workbench %1&lt;/h3&gt;&lt;p&gt;面向语言模型的测试驱动数据工程：知识结构、基准题目、训练数据、训练、评测与诊断，集于一个原生应用之中。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>proda::NextRoundDialog</name>
    <message>
        <source>Assemble the round after round %1</source>
        <translation>组装第 %1 轮之后的轮次</translation>
    </message>
    <message>
        <source>Replay samples per patch:</source>
        <translation>每个补丁的回放样本数：</translation>
    </message>
    <message>
        <source>also the random baseline of the same budget (same parent, same replay)</source>
        <translation>同时组装相同预算的随机基线（相同父轮次，相同回放）</translation>
    </message>
    <message>
        <source>Assemble</source>
        <translation>组装</translation>
    </message>
    <message>
        <source>&lt;p&gt;Dataset v%1 (round %2) is the parent. The new version holds &lt;b&gt;%3&lt;/b&gt; samples: &lt;b&gt;%4&lt;/b&gt; accepted patch samples and &lt;b&gt;%5&lt;/b&gt; replay samples (asked: %6).&lt;/p&gt;&lt;p&gt;Disjointness: %7 replay candidates, of which %8 share one of the %9 relations the patches target and are left out; replay samples sharing a targeted relation: &lt;b&gt;%10&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;父版本为数据集 v%1（第 %2 轮）。新版本包含 &lt;b&gt;%3&lt;/b&gt; 个样本：&lt;b&gt;%4&lt;/b&gt; 个已接受的补丁样本和 &lt;b&gt;%5&lt;/b&gt; 个回放样本（请求数：%6）。&lt;/p&gt;&lt;p&gt;不相交性：%7 个回放候选中，有 %8 个与补丁所针对的 %9 条关系之一相同，已被排除；与目标关系相同的回放样本：&lt;b&gt;%10&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;No round can be assembled:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;无法组装轮次：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Assembling…&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;正在组装…&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Round %1 assembled from round %2: dataset v%3, %4 patch and %5 replay samples, %6 replay violations.</source>
        <translation>第 %1 轮已由第 %2 轮组装：数据集 v%3，%4 个补丁样本和 %5 个回放样本，%6 处回放冲突。</translation>
    </message>
    <message>
        <source>%1 Baseline round %2: dataset v%3, %4 random and %5 replay samples.</source>
        <translation>%1基线第 %2 轮：数据集 v%3，%4 个随机样本和 %5 个回放样本。</translation>
    </message>
    <message>
        <source>%1 The baseline could not be made: %2</source>
        <translation>%1无法组装基线：%2</translation>
    </message>
    <message>
        <source>%1 Train it in the Training workspace.</source>
        <translation>%1请在“训练”工作区中训练它。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Not assembled:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;未组装：&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>proda::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>An OpenAI-compatible chat endpoint (llama.cpp server, vLLM, Ollama). Empty: offline.</source>
        <translation>兼容 OpenAI 的聊天端点（llama.cpp server、vLLM、Ollama）。留空：离线。</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>Applies at the next start. English and Simplified Chinese are shipped; “System default” follows the system&apos;s language where it is one of them, else English.</source>
        <translation>下次启动时生效。提供英语和简体中文；“系统默认”在系统语言为其中之一时跟随系统语言，否则使用英语。</translation>
    </message>
    <message>
        <source>LLM &amp;endpoint:</source>
        <translation>LLM 端点(&amp;E)：</translation>
    </message>
    <message>
        <source>LLM &amp;model:</source>
        <translation>LLM 模型(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>proda::ReviewDetailView</name>
    <message>
        <source>&lt;span style=&quot;color:#888&quot;&gt;to review&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#888&quot;&gt;待审校&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>推理链</translation>
    </message>
    <message>
        <source>(no source quote)</source>
        <translation>（无来源引文）</translation>
    </message>
    <message>
        <source>A relation of this chain is no longer in the project.</source>
        <translation>此推理链中的一条关系已不在项目中。</translation>
    </message>
    <message>
        <source>key</source>
        <translation>正确答案</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <source>true under the knowledge</source>
        <translation>按知识库为真</translation>
    </message>
    <message>
        <source>Option %1 selected: A accepts it, R rejects it, G replaces it, Esc returns to the item.</source>
        <translation>已选中选项 %1：A 接受，R 拒绝，G 替换，Esc 返回整道题目。</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>解析</translation>
    </message>
    <message>
        <source>The checks could not run: %1</source>
        <translation>检查无法运行：%1</translation>
    </message>
    <message>
        <source>Not verifiable against the knowledge (free text or a chain that is gone).</source>
        <translation>无法对照知识库验证（自由文本，或推理链已不存在）。</translation>
    </message>
    <message>
        <source>The keyed answer is not true under the knowledge.</source>
        <translation>标定的正确答案按知识库不为真。</translation>
    </message>
    <message>
        <source>Option %1 is also true under the knowledge.</source>
        <translation>选项 %1 按知识库也为真。</translation>
    </message>
    <message>
        <source>Two options are the same.</source>
        <translation>有两个选项相同。</translation>
    </message>
    <message>
        <source>An option is empty.</source>
        <translation>有选项为空。</translation>
    </message>
    <message>
        <source>Leak: %1% of the question&apos;s word sequences are in training sample %2.</source>
        <translation>泄漏：题干中 %1% 的词序列出现在训练样本 %2 中。</translation>
    </message>
    <message>
        <source>Leak: training sample %1 states the composed fact.</source>
        <translation>泄漏：训练样本 %1 直接陈述了组合后的事实。</translation>
    </message>
    <message>
        <source>only the key is true under the knowledge</source>
        <translation>按知识库只有正确答案为真</translation>
    </message>
    <message>
        <source>no leak into the training data</source>
        <translation>未泄漏到训练数据中</translation>
    </message>
    <message>
        <source>The key is by far the longest option.</source>
        <translation>正确答案明显是最长的选项。</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>origin %1</source>
        <translation>来源 %1</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>What it teaches</source>
        <translation>所教授的内容</translation>
    </message>
    <message>
        <source>Concepts:</source>
        <translation>概念：</translation>
    </message>
    <message>
        <source>Failed items it repairs</source>
        <translation>它修复的失败题目</translation>
    </message>
    <message>
        <source>template %1</source>
        <translation>模板 %1</translation>
    </message>
    <message>
        <source>in dataset version %1</source>
        <translation>位于数据集版本 %1</translation>
    </message>
    <message>
        <source>in no dataset version</source>
        <translation>不在任何数据集版本中</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>proda::ReviewEditDialog</name>
    <message>
        <source>Edit item %1</source>
        <translation>编辑题目 %1</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>题干：</translation>
    </message>
    <message>
        <source>%1 (key):</source>
        <translation>%1（正确答案）：</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#666&quot;&gt;A changed option becomes your own distractor; the checks run on the edited item at once.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#666&quot;&gt;改动过的选项会成为你自己的干扰项；检查会立即对编辑后的题目运行。&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>proda::ReviewListModel</name>
    <message>
        <source>to review</source>
        <translation>待审校</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题干</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>题型</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Distractor operators</source>
        <translation>干扰项算子</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>补丁</translation>
    </message>
</context>
<context>
    <name>proda::ReviewPanel</name>
    <message>
        <source>%1 item</source>
        <translation>%1 道题目</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 道题目</translation>
    </message>
    <message>
        <source>%1 training sample</source>
        <translation>%1 个训练样本</translation>
    </message>
    <message>
        <source>%1 training samples</source>
        <translation>%1 个训练样本</translation>
    </message>
    <message>
        <source>%1 patch sample</source>
        <translation>%1 个补丁样本</translation>
    </message>
    <message>
        <source>%1 patch samples</source>
        <translation>%1 个补丁样本</translation>
    </message>
    <message>
        <source>Open a project to review its benchmark items.</source>
        <translation>打开一个项目以审校其基准题目。</translation>
    </message>
    <message>
        <source>Open a project to review its training samples.</source>
        <translation>打开一个项目以审校其训练样本。</translation>
    </message>
    <message>
        <source>Open a project to review its patch samples.</source>
        <translation>打开一个项目以审校其补丁样本。</translation>
    </message>
    <message>
        <source>No benchmark items match the filter.</source>
        <translation>没有符合筛选条件的基准题目。</translation>
    </message>
    <message>
        <source>No training samples match the filter.</source>
        <translation>没有符合筛选条件的训练样本。</translation>
    </message>
    <message>
        <source>No patch samples match the filter.</source>
        <translation>没有符合筛选条件的补丁样本。</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>接受 (A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>拒绝 (R)</translation>
    </message>
    <message>
        <source>Edit (E)</source>
        <translation>编辑 (E)</translation>
    </message>
    <message>
        <source>Flag (F)</source>
        <translation>标记 (F)</translation>
    </message>
    <message>
        <source>Previous (K)</source>
        <translation>上一个 (K)</translation>
    </message>
    <message>
        <source>Next (J)</source>
        <translation>下一个 (J)</translation>
    </message>
    <message>
        <source>Keys (?)</source>
        <translation>快捷键 (?)</translation>
    </message>
    <message>
        <source>All shown</source>
        <translation>全部显示项</translation>
    </message>
    <message>
        <source>Accept All Shown…</source>
        <translation>接受全部显示项…</translation>
    </message>
    <message>
        <source>Reject All Shown…</source>
        <translation>拒绝全部显示项…</translation>
    </message>
    <message>
        <source>Reject all shown</source>
        <translation>拒绝全部显示项</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Last decisions&lt;/b&gt; (double-click to change)</source>
        <translation>&lt;b&gt;最近的决定&lt;/b&gt;（双击可更改）</translation>
    </message>
    <message>
        <source>Could not read the project: %1</source>
        <translation>无法读取项目：%1</translation>
    </message>
    <message>
        <source>%v/%m reviewed</source>
        <translation>已审校 %v/%m</translation>
    </message>
    <message>
        <source>Filter by text or id</source>
        <translation>按文本或 ID 筛选</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>待审校</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>已编辑</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记</translation>
    </message>
    <message>
        <source>Any discipline</source>
        <translation>任意学科</translation>
    </message>
    <message>
        <source>Any split</source>
        <translation>任意划分</translation>
    </message>
    <message>
        <source>Any dataset</source>
        <translation>任意数据集</translation>
    </message>
    <message>
        <source>Any round</source>
        <translation>任意轮次</translation>
    </message>
    <message>
        <source>Any shape</source>
        <translation>任意题型</translation>
    </message>
    <message>
        <source>Any format</source>
        <translation>任意格式</translation>
    </message>
    <message>
        <source>Any operator</source>
        <translation>任意算子</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>%v of %m reviewed</source>
        <translation>已审校 %v / %m</translation>
    </message>
    <message>
        <source>Failed in round %1</source>
        <translation>在第 %1 轮失败</translation>
    </message>
    <message>
        <source>This project has no benchmark items yet. Generate them with: proda bench generate PROJECT</source>
        <translation>此项目还没有基准题目。用以下命令生成：proda bench generate PROJECT</translation>
    </message>
    <message>
        <source>This project has no training samples yet. Synthesize them with: proda synth PROJECT</source>
        <translation>此项目还没有训练样本。用以下命令合成：proda synth PROJECT</translation>
    </message>
    <message>
        <source>No patch samples yet: they are written for the failures a diagnosis finds (proda debug).</source>
        <translation>还没有补丁样本：它们是针对诊断发现的失败而编写的（proda debug）。</translation>
    </message>
    <message>
        <source>%1 loaded in %2 ms</source>
        <translation>已加载 %1，用时 %2 毫秒</translation>
    </message>
    <message>
        <source>%1 is no longer in the project (regenerated meanwhile).</source>
        <translation>%1 已不在项目中（期间已被重新生成）。</translation>
    </message>
    <message>
        <source>none shown</source>
        <translation>无显示项</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 / %2 个</translation>
    </message>
    <message>
        <source>none shown (of %1)</source>
        <translation>无显示项（共 %1 个）</translation>
    </message>
    <message>
        <source>%1 of %2 (of %3)</source>
        <translation>第 %1 / %2 个（共 %3 个）</translation>
    </message>
    <message>
        <source>The item is still loading; pick the option again in a moment.</source>
        <translation>题目仍在加载；请稍后再选择选项。</translation>
    </message>
    <message>
        <source>Option %1 is the key: A and R act on the whole item.</source>
        <translation>选项 %1 是正确答案：A 和 R 作用于整道题目。</translation>
    </message>
    <message>
        <source>Reject option %1 because:</source>
        <translation>拒绝选项 %1，原因：</translation>
    </message>
    <message>
        <source>Reject because:</source>
        <translation>拒绝，原因：</translation>
    </message>
    <message>
        <source>(Esc cancels)</source>
        <translation>（Esc 取消）</translation>
    </message>
    <message>
        <source>The item is still loading; nothing was decided.</source>
        <translation>题目仍在加载；未作任何决定。</translation>
    </message>
    <message>
        <source>accept %1</source>
        <translation>接受 %1</translation>
    </message>
    <message>
        <source>reject %1</source>
        <translation>拒绝 %1</translation>
    </message>
    <message>
        <source>Last row of the list reached.</source>
        <translation>已到达列表最后一行。</translation>
    </message>
    <message>
        <source>Every row shown is already accepted.</source>
        <translation>所有显示的行都已接受。</translation>
    </message>
    <message>
        <source>Every row shown is already rejected.</source>
        <translation>所有显示的行都已拒绝。</translation>
    </message>
    <message>
        <source>Every row shown is already %1.</source>
        <translation>所有显示的行都已是“%1”。</translation>
    </message>
    <message>
        <source>Accept all shown</source>
        <translation>接受全部显示项</translation>
    </message>
    <message>
        <source>Accept %1 matching the current filter (not only the rows on screen)? One undo takes it back.</source>
        <translation>接受符合当前筛选条件的 %1（不只是屏幕上的行）吗？一次撤销即可恢复。</translation>
    </message>
    <message>
        <source>Reject %1 matching the current filter (not only the rows on screen)? One undo takes it back.</source>
        <translation>拒绝符合当前筛选条件的 %1（不只是屏幕上的行）吗？一次撤销即可恢复。</translation>
    </message>
    <message>
        <source>Only benchmark items are edited here: a sample&apos;s text is fixed once a dataset version holds it; reject it with a reason instead.</source>
        <translation>这里只能编辑基准题目：样本一旦被数据集版本收录，其文本即固定；请改为附上原因拒绝它。</translation>
    </message>
    <message>
        <source>edit item %1</source>
        <translation>编辑题目 %1</translation>
    </message>
    <message>
        <source>Looking for replacements of option %1…</source>
        <translation>正在查找选项 %1 的替换项…</translation>
    </message>
    <message>
        <source>No replacements: %1</source>
        <translation>没有替换项：%1</translation>
    </message>
    <message>
        <source>Generation has no other valid distractor for this item.</source>
        <translation>生成过程没有为此题目提供其他有效的干扰项。</translation>
    </message>
    <message>
        <source>Replace option %1 “%2” with</source>
        <translation>将选项 %1“%2”替换为</translation>
    </message>
    <message>
        <source>replace option %1 of item %2</source>
        <translation>替换题目 %2 的选项 %1</translation>
    </message>
    <message>
        <source>Review shortcuts</source>
        <translation>审校快捷键</translation>
    </message>
    <message>
        <source>%1 %2  · %3</source>
        <translation>%1 %2  · %3</translation>
    </message>
    <message>
        <source>%1 %2 (%3)  · %4</source>
        <translation>%1 %2（%3）  · %4</translation>
    </message>
    <message>
        <source>Pick a distractor first (1–4), then G offers the replacements generation would make.</source>
        <translation>请先选择一个干扰项（1–4），然后按 G 查看生成过程会给出的替换项。</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&quot;3&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;accept (the item, or the picked option) and move to the next&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;reject: then 1–7 or the underlined letter of the reason&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;edit the item&apos;s text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;J&lt;/b&gt; / &lt;b&gt;K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next / previous&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt;–&lt;b&gt;4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;pick option A–D (then A / R act on it; Esc returns to the item)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;with an option picked: replace it by another distractor generation offers, by operator&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;flag for later (filter: Flagged)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;show or hide the review guidelines&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;undo / redo any decision or edit (written to the project)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+Enter&lt;/b&gt; / &lt;b&gt;Shift+Backspace&lt;/b&gt;&lt;/td&gt;&lt;td&gt;accept / reject while typing in a text field&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;Every decision is saved as it is made.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=&quot;3&quot;&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;A&lt;/b&gt;&lt;/td&gt;&lt;td&gt;接受（整道题目或所选选项）并前往下一个&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;R&lt;/b&gt;&lt;/td&gt;&lt;td&gt;拒绝：然后按 1–7 或原因中带下划线的字母&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;编辑题目文本&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;J&lt;/b&gt; / &lt;b&gt;K&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一个 / 上一个&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;1&lt;/b&gt;–&lt;b&gt;4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;选择选项 A–D（之后 A / R 作用于该选项；Esc 返回整道题目）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;G&lt;/b&gt;&lt;/td&gt;&lt;td&gt;选中选项后：按算子分组，用生成过程提供的另一个干扰项替换它&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F&lt;/b&gt;&lt;/td&gt;&lt;td&gt;标记以便稍后处理（筛选：已标记）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;H&lt;/b&gt;&lt;/td&gt;&lt;td&gt;显示或隐藏审校指南&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+Z&lt;/b&gt; / &lt;b&gt;Ctrl+Shift+Z&lt;/b&gt;&lt;/td&gt;&lt;td&gt;撤销 / 重做任何决定或编辑（写入项目）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Shift+Enter&lt;/b&gt; / &lt;b&gt;Shift+Backspace&lt;/b&gt;&lt;/td&gt;&lt;td&gt;在文本框中输入时接受 / 拒绝&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;每个决定在作出时即已保存。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>proda::ReviewStatsView</name>
    <message>
        <source>item</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>patch</source>
        <translation>补丁</translation>
    </message>
    <message>
        <source>distractor</source>
        <translation>干扰项</translation>
    </message>
    <message>
        <source>Use as Operator Weights</source>
        <translation>用作算子权重</translation>
    </message>
    <message>
        <source>Weights from the acceptance rate of each operator (5 or more decisions) are stored in the project; the next &lt;code&gt;proda bench generate&lt;/code&gt; draws operators by them and lists them.</source>
        <translation>根据每个算子的接受率（至少 5 个决定）计算的权重会保存在项目中；下一次 &lt;code&gt;proda bench generate&lt;/code&gt; 会按这些权重抽取算子并列出它们。</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1（%3 个中 %2 个）</translation>
    </message>
    <message>
        <source>Rejected distractors by operator (%)</source>
        <translation>各算子被拒绝的干扰项（%）</translation>
    </message>
    <message>
        <source>no distractor decided yet</source>
        <translation>尚未对任何干扰项作出决定</translation>
    </message>
    <message>
        <source>Rejections by reason</source>
        <translation>按原因统计的拒绝</translation>
    </message>
    <message>
        <source>no rejection yet</source>
        <translation>尚无拒绝</translation>
    </message>
    <message>
        <source>%1: %2 decided, %3 rejected (%4%)</source>
        <translation>%1：已决定 %2 个，拒绝 %3 个（%4%）</translation>
    </message>
    <message>
        <source>&lt;i&gt;No review decisions in this project yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;此项目还没有审校决定。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Operator weights</source>
        <translation>算子权重</translation>
    </message>
    <message>
        <source>Operator weights stored for the next generation: %1</source>
        <translation>已为下一次生成保存算子权重：%1</translation>
    </message>
</context>
<context>
    <name>proda::ReviewStatus</name>
    <message>
        <source>proposed</source>
        <translation>待审校</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>已编辑</translation>
    </message>
</context>
<context>
    <name>proda::RoundsDashboard</name>
    <message>
        <source>%1 steps · %2M tokens</source>
        <translation>%1 步 · %2M 词元</translation>
    </message>
    <message>
        <source>%1 steps</source>
        <translation>%1 步</translation>
    </message>
    <message>
        <source>%1 (= round %2)</source>
        <translation>%1（= 第 %2 轮）</translation>
    </message>
    <message>
        <source>%1 (round %2: %3 steps)</source>
        <translation>%1（第 %2 轮：%3 步）</translation>
    </message>
    <message>
        <source>no significant difference</source>
        <translation>无显著差异</translation>
    </message>
    <message>
        <source>targeted repair beats the baseline</source>
        <translation>定向修复优于基线</translation>
    </message>
    <message>
        <source>the baseline beats targeted repair</source>
        <translation>基线优于定向修复</translation>
    </message>
    <message>
        <source>&lt;b&gt;Targeted round %1 against its equal-compute baseline, round %2&lt;/b&gt;, on the same test items: %3 right only in round %1, %4 only in round %2; McNemar&apos;s p %5: %6.</source>
        <translation>&lt;b&gt;定向的第 %1 轮对比其等算力基线第 %2 轮&lt;/b&gt;，在相同的 test 题目上：%3 道仅在第 %1 轮答对，%4 道仅在第 %2 轮答对；McNemar 检验 p = %5：%6。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Targeted round %1 against its baseline, round %2&lt;/b&gt; (not held to the same steps), on the same test items: %3 right only in round %1, %4 only in round %2; McNemar&apos;s p %5: %6.</source>
        <translation>&lt;b&gt;定向的第 %1 轮对比其基线第 %2 轮&lt;/b&gt;（未限定为相同步数），在相同的 test 题目上：%3 道仅在第 %1 轮答对，%4 道仅在第 %2 轮答对；McNemar 检验 p = %5：%6。</translation>
    </message>
    <message>
        <source>Failure Heat in Knowledge</source>
        <translation>在知识中查看失败热度</translation>
    </message>
    <message>
        <source>The knowledge explorer coloured by the selected round&apos;s failed items and concept gaps</source>
        <translation>按所选轮次的失败题目和概念缺口着色的知识浏览器</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>test 准确率</translation>
    </message>
    <message>
        <source>Dev</source>
        <translation>dev 准确率</translation>
    </message>
    <message>
        <source>Δ test</source>
        <translation>Δ test</translation>
    </message>
    <message>
        <source>Δ dev</source>
        <translation>Δ dev</translation>
    </message>
    <message>
        <source>Fixed dev / test</source>
        <translation>已修复 dev / test</translation>
    </message>
    <message>
        <source>Regressed</source>
        <translation>退步</translation>
    </message>
    <message>
        <source>Still failing</source>
        <translation>仍失败</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>对照</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Deficits</source>
        <translation>缺陷</translation>
    </message>
    <message>
        <source>Facts learned</source>
        <translation>已学会的事实</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>算力</translation>
    </message>
    <message>
        <source>Concept gaps among the round&apos;s diagnosed dev failures.</source>
        <translation>本轮已诊断的 dev 失败题目中的概念缺口。</translation>
    </message>
    <message>
        <source>Reasoning deficits among the round&apos;s diagnosed dev failures.</source>
        <translation>本轮已诊断的 dev 失败题目中的推理缺陷。</translation>
    </message>
    <message>
        <source>The split the debugger saw: its failures were diagnosed and patched.</source>
        <translation>调试器看到的划分：其中的失败题目已被诊断并打上补丁。</translation>
    </message>
    <message>
        <source>Optimizer steps and the tokens they trained on. A random baseline is held to its targeted twin&apos;s steps: equal compute.</source>
        <translation>优化器步数及其训练所用的词元数。随机基线被限定为与其定向孪生轮次相同的步数：算力相等。</translation>
    </message>
    <message>
        <source>Of a sample of the facts its dataset teaches, the share the round&apos;s checkpoint knows when asked in other words (guessing would reach the share in brackets). Under half: under-trained, its failures say little about the data.</source>
        <translation>从其数据集所教授的事实中抽样，本轮检查点在换一种问法时仍能答对的比例（括号中为随机猜测可达到的比例）。低于一半即为训练不足，其失败很难说明数据的问题。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read the items:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取题目：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1: 1 item fixed&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %1 轮：1 道题目已修复&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1: %2 items fixed&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %1 轮：%2 道题目已修复&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1: 1 item regressed&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %1 轮：1 道题目退步&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1: %2 items regressed&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %1 轮：%2 道题目退步&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1: 1 item still failing&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %1 轮：1 道题目仍失败&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round %1: %2 items still failing&lt;/b&gt;</source>
        <translation>&lt;b&gt;第 %1 轮：%2 道题目仍失败&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 against its parent; each round&apos;s result (its latest evaluation). Double-click one to open it in Benchmark.</source>
        <translation>%1（相对于其父轮次）；显示每个轮次的结果（其最新评测）。双击一道题目可在“基准”中打开。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
    <message>
        <source>Round %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题干</translation>
    </message>
    <message>
        <source>✔ right</source>
        <translation>✔ 正确</translation>
    </message>
    <message>
        <source>✘ wrong</source>
        <translation>✘ 错误</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#666&quot;&gt;Click a round&apos;s fixed, regressed or still-failing count to list those items.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#666&quot;&gt;点击某轮的“已修复”“退步”或“仍失败”计数，可列出对应的题目。&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read the rounds:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取轮次：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;i&gt;No project open.&lt;/i&gt;</source>
        <translation>&lt;i&gt;未打开项目。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No evaluated round yet.&lt;/p&gt;&lt;p style=&quot;color:#666&quot;&gt;Train and evaluate round 1 in the Training workspace (or &lt;tt&gt;proda train&lt;/tt&gt; and &lt;tt&gt;proda eval&lt;/tt&gt;); each round then shows its accuracy here, with the change against the round it came from.&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有已评测的轮次。&lt;/p&gt;&lt;p style=&quot;color:#666&quot;&gt;请在“训练”工作区中训练并评测第 1 轮（或使用 &lt;tt&gt;proda train&lt;/tt&gt; 和 &lt;tt&gt;proda eval&lt;/tt&gt;）；之后每个轮次都会在这里显示其准确率，以及相对于其来源轮次的变化。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 The test split is the headline; dev is what the debugger saw. Accuracy with its 95% interval; a change with McNemar&apos;s p on the items both rounds answered. Control: items on chains no patch of the round targets.</source>
        <translation>%1test 划分是主要指标；dev 是调试器看到的划分。准确率附 95% 置信区间；变化量附两轮都作答的题目上的 McNemar 检验 p 值。对照：位于本轮补丁均未针对的推理链上的题目。</translation>
    </message>
    <message>
        <source>1 round, %1 evaluated.</source>
        <translation>1 个轮次，%1 个已评测。</translation>
    </message>
    <message>
        <source>%1 rounds, %2 evaluated.</source>
        <translation>%1 个轮次，%2 个已评测。</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <translation>%1（来自 %2）</translation>
    </message>
    <message>
        <source>v%1: %2 (%3 patch, %4 replay)</source>
        <translation>v%1：%2（%3 补丁，%4 回放）</translation>
    </message>
    <message>
        <source>%1 (was %2)</source>
        <translation>%1（原为 %2）</translation>
    </message>
    <message>
        <source>%1 (chance %2)</source>
        <translation>%1（随机 %2）</translation>
    </message>
    <message>
        <source>Under-trained: the checkpoint knows less than half of the facts its data teaches, so its failures say little about the data.</source>
        <translation>训练不足：检查点掌握的事实不到其数据所教授事实的一半，因此其失败很难说明数据的问题。</translation>
    </message>
    <message>
        <source>not evaluated yet</source>
        <translation>尚未评测</translation>
    </message>
    <message>
        <source>Test accuracy per discipline, by round</source>
        <translation>各学科 test 准确率（按轮次）</translation>
    </message>
    <message>
        <source>round %1 (%2)</source>
        <translation>第 %1 轮（%2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>test %</source>
        <translation>test %</translation>
    </message>
</context>
<context>
    <name>proda::RunStatus</name>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>proda::SearchResultModel</name>
    <message>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Discipline</source>
        <translation>学科</translation>
    </message>
</context>
<context>
    <name>proda::SummaryPage</name>
    <message>
        <source>No project open.</source>
        <translation>未打开项目。</translation>
    </message>
</context>
<context>
    <name>proda::TrainingHistoryPage</name>
    <message>
        <source>Training history</source>
        <translation>训练历史</translation>
    </message>
    <message>
        <source>&lt;p&gt;No dataset versions yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有数据集版本。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Training samples are synthesized from L1 concepts and L2 relations with &lt;tt&gt;proda synth PROJECT&lt;/tt&gt;.</source>
        <translation>训练样本通过 &lt;tt&gt;proda synth PROJECT&lt;/tt&gt; 由 L1 概念和 L2 关系合成。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Dataset versions&lt;/h3&gt;&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Version&lt;/th&gt;&lt;th&gt;Parent&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Samples&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Synth&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Patch&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Replay&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;+ / −&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Created&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h3&gt;数据集版本&lt;/h3&gt;&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;版本&lt;/th&gt;&lt;th&gt;父版本&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;样本&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;合成&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;补丁&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;回放&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;+ / −&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;创建时间&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Training runs&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;训练运行&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No training runs yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有训练运行。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>A run trains a model on one dataset version: &lt;tt&gt;proda train PROJECT --round 1&lt;/tt&gt;. Runs appear here with their losses and speed.</source>
        <translation>一次运行在一个数据集版本上训练模型：&lt;tt&gt;proda train PROJECT --round 1&lt;/tt&gt;。运行会连同其损失和速度显示在这里。</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Run&lt;/th&gt;&lt;th&gt;Round&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Status&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Steps&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Loss&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Val loss&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Tokens/s&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Time&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Continues&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;运行&lt;/th&gt;&lt;th&gt;轮次&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;状态&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;步数&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;损失&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;验证损失&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;词元/秒&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;用时&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;接续自&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>from scratch</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Checkpoints&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;检查点&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Each run keeps its newest checkpoints; &lt;b&gt;latest&lt;/b&gt; is the one evaluation scores and a resumed run continues from.</source>
        <translation>每次运行都保留其最新的检查点；&lt;b&gt;最新&lt;/b&gt;检查点用于评测评分，恢复的运行也从它继续。</translation>
    </message>
    <message>
        <source>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Run&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Step&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Loss&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Val loss&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Trained&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;Size&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Directory&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;table cellpadding=&apos;4&apos;&gt;&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;运行&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;步&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;损失&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;验证损失&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;训练用时&lt;/th&gt;&lt;th align=&apos;right&apos;&gt;大小&lt;/th&gt;&lt;th&gt;&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;目录&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;latest&lt;/b&gt;</source>
        <translation>&lt;b&gt;最新&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>proda::TrainingLauncher</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>no run in progress</source>
        <translation>没有正在进行的运行</translation>
    </message>
    <message>
        <source>The trainer&apos;s log appears here while it runs.</source>
        <translation>训练器运行时，其日志会显示在这里。</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Tick runs to overlay their loss curves on the chart.</source>
        <translation>勾选运行，可将其损失曲线叠加到图表上。</translation>
    </message>
    <message>
        <source>Accuracy per discipline: no evaluation yet</source>
        <translation>各学科准确率：尚无评测</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>轮次：</translation>
    </message>
    <message>
        <source>tiny (tests, seconds)</source>
        <translation>tiny（测试用，数秒）</translation>
    </message>
    <message>
        <source>small (CPU default)</source>
        <translation>small（CPU 默认）</translation>
    </message>
    <message>
        <source>base (a GPU)</source>
        <translation>base（需要 GPU）</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <source>from epochs</source>
        <translation>按训练遍数</translation>
    </message>
    <message>
        <source>Max steps:</source>
        <translation>最大步数：</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>训练遍数：</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <source>Asking the trainer what it can train on…</source>
        <translation>正在询问训练器可以在哪些设备上训练…</translation>
    </message>
    <message>
        <source>all cores (%1)</source>
        <translation>全部核心（%1）</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>线程数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Start (Ctrl+Return)</source>
        <translation>开始（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>评测</translation>
    </message>
    <message>
        <source>Score every benchmark item with the round&apos;s checkpoint.</source>
        <translation>用本轮的检查点为每道基准题目评分。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Train the run selected below on from its latest checkpoint (a stopped or interrupted run).</source>
        <translation>从最新检查点继续训练下方选中的运行（已停止或被中断的运行）。</translation>
    </message>
    <message>
        <source>Save Config…</source>
        <translation>保存配置…</translation>
    </message>
    <message>
        <source>Load Config…</source>
        <translation>加载配置…</translation>
    </message>
    <message>
        <source>&lt;i&gt;No project open.&lt;/i&gt;</source>
        <translation>&lt;i&gt;未打开项目。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Round %1 (%2) — dataset v%3, %4 samples</source>
        <translation>第 %1 轮（%2）— 数据集 v%3，%4 个样本</translation>
    </message>
    <message>
        <source>Round %1 (%2)</source>
        <translation>第 %1 轮（%2）</translation>
    </message>
    <message>
        <source>Round 1 (new) — dataset v%1</source>
        <translation>第 1 轮（新）— 数据集 v%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cannot read the project:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;无法读取项目：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>&lt;i&gt;No dataset version yet: synthesize training samples first (proda synth PROJECT).&lt;/i&gt;</source>
        <translation>&lt;i&gt;还没有数据集版本：请先合成训练样本（proda synth PROJECT）。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <source>Dataset v%1: &lt;b&gt;%2&lt;/b&gt; samples&lt;br&gt;by format: %3&lt;br&gt;by origin: synth %4, patch %5, replay %6&lt;br&gt;by discipline: %7</source>
        <translation>数据集 v%1：&lt;b&gt;%2&lt;/b&gt; 个样本&lt;br&gt;按格式：%3&lt;br&gt;按来源：合成 %4，补丁 %5，回放 %6&lt;br&gt;按学科：%7</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;continues from round %2&apos;s checkpoint: by default %3 passes at a peak learning rate of %4, as &lt;tt&gt;proda loop&lt;/tt&gt; trains it</source>
        <translation>%1&lt;br&gt;从第 %2 轮的检查点继续：默认以峰值学习率 %4 训练 %3 遍，与 &lt;tt&gt;proda loop&lt;/tt&gt; 的训练方式相同</translation>
    </message>
    <message>
        <source>%1 parameters: %2 layers, width %3, context %4</source>
        <translation>%1 个参数：%2 层，宽度 %3，上下文 %4</translation>
    </message>
    <message>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <source>Memory ≈ %1 MiB.</source>
        <translation>内存 ≈ %1 MiB。</translation>
    </message>
    <message>
        <source>%1 Time ≈ %2 for %3 steps (%4 tokens/s measured here).</source>
        <translation>%1%3 步用时 ≈ %2（本机实测 %4 词元/秒）。</translation>
    </message>
    <message>
        <source>%1 %2 tokens in %3 steps; time known after a first run of this preset.</source>
        <translation>%1%3 步共 %2 个词元；此预设首次运行后即可估算用时。</translation>
    </message>
    <message>
        <source>%1 Steps follow from the epochs once the trainer has tokenized the dataset.</source>
        <translation>%1训练器对数据集完成分词后，将根据训练遍数确定步数。</translation>
    </message>
    <message>
        <source>the file is not a JSON object</source>
        <translation>该文件不是 JSON 对象</translation>
    </message>
    <message>
        <source>field &apos;preset&apos;: not tiny, small or base</source>
        <translation>字段“preset”：不是 tiny、small 或 base</translation>
    </message>
    <message>
        <source>Save Training Config</source>
        <translation>保存训练配置</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Load Training Config</source>
        <translation>加载训练配置</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Training round %1 with the %2 preset…</source>
        <translation>正在以 %2 预设训练第 %1 轮…</translation>
    </message>
    <message>
        <source>Training round %1…</source>
        <translation>正在训练第 %1 轮…</translation>
    </message>
    <message>
        <source>scoring: %p%</source>
        <translation>评分中：%p%</translation>
    </message>
    <message>
        <source>Evaluating round %1…</source>
        <translation>正在评测第 %1 轮…</translation>
    </message>
    <message>
        <source>Asked the process training run %1 to stop with a checkpoint…</source>
        <translation>已请求训练运行 %1 的进程保存检查点后停止…</translation>
    </message>
    <message>
        <source>The process training run %1 is gone.</source>
        <translation>训练运行 %1 的进程已不存在。</translation>
    </message>
    <message>
        <source>Stopping: the trainer writes a checkpoint first…</source>
        <translation>正在停止：训练器会先写入检查点…</translation>
    </message>
    <message>
        <source>step %v of %m</source>
        <translation>第 %v / %m 步</translation>
    </message>
    <message>
        <source>start: %1 parameters, %2 training examples, %3 steps on %4</source>
        <translation>开始：%1 个参数，%2 个训练样例，%3 步，设备 %4</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <source>step %1/%2  loss %3  lr %4  %5 tokens/s</source>
        <translation>步 %1/%2  损失 %3  学习率 %4  %5 词元/秒</translation>
    </message>
    <message>
        <source>step %1/%2  loss %3  lr %4</source>
        <translation>步 %1/%2  损失 %3  学习率 %4</translation>
    </message>
    <message>
        <source>validation at step %1: loss %2</source>
        <translation>第 %1 步验证：损失 %2</translation>
    </message>
    <message>
        <source>checkpoint at step %1 (%2)</source>
        <translation>第 %1 步检查点（%2）</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>done: %1</source>
        <translation>结束：%1</translation>
    </message>
    <message>
        <source>evaluated</source>
        <translation>已评测</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>训练失败</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Throughput and learning rate</source>
        <translation>吞吐量与学习率</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Accuracy per discipline</source>
        <translation>各学科准确率</translation>
    </message>
    <message>
        <source>Round %1: not evaluated yet</source>
        <translation>第 %1 轮：尚未评测</translation>
    </message>
    <message>
        <source>Round %1: %2 of %3 items right (dev %4, test %5)</source>
        <translation>第 %1 轮：%3 道题目中答对 %2（dev %4，test %5）</translation>
    </message>
    <message>
        <source>%1&lt;br&gt;the %2 largest of %3 disciplines</source>
        <translation>%1&lt;br&gt;%3 个学科中最大的 %2 个</translation>
    </message>
    <message>
        <source>accuracy %</source>
        <translation>准确率 %</translation>
    </message>
    <message>
        <source>The trainer could not be asked: %1</source>
        <translation>无法询问训练器：%1</translation>
    </message>
    <message numerus="yes">
        <source>CUDA: %n GPU(s); auto trains there.</source>
        <translation>
            <numerusform>CUDA：%n 块 GPU；auto 会在 GPU 上训练。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CPU only, %n threads: this libtorch has no CUDA or sees no GPU.</source>
        <translation>
            <numerusform>仅 CPU，%n 个线程：此 libtorch 不含 CUDA 或未检测到 GPU。</numerusform>
        </translation>
    </message>
    <message>
        <source>run %1, trained by another process: step %v of %m</source>
        <translation>运行 %1，由另一进程训练：第 %v / %m 步</translation>
    </message>
    <message>
        <source>Run %1 of round %2 is being trained by another process (pid %3): following it. Stop asks that process to stop it with a checkpoint.</source>
        <translation>第 %2 轮的运行 %1 正由另一进程（pid %3）训练：正在跟随它。“停止”会请求该进程保存检查点后停止训练。</translation>
    </message>
    <message>
        <source>Run %1 ended: %2.</source>
        <translation>运行 %1 已结束：%2。</translation>
    </message>
    <message>
        <source>Run %1 ended: no longer in the project.</source>
        <translation>运行 %1 已结束：已不在项目中。</translation>
    </message>
    <message>
        <source>Stopped following: %1</source>
        <translation>已停止跟随：%1</translation>
    </message>
    <message>
        <source>resuming…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Resuming run %1 from its latest checkpoint…</source>
        <translation>正在从最新检查点恢复运行 %1…</translation>
    </message>
    <message>
        <source>Resuming run %1…</source>
        <translation>正在恢复运行 %1…</translation>
    </message>
</context>
<context>
    <name>proda::TrainingRunner</name>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Round %1: stopped at step %2 of %3; checkpoint kept.</source>
        <translation>第 %1 轮：在第 %2 / %3 步停止；检查点已保留。</translation>
    </message>
    <message>
        <source>Round %1 trained: %2 steps, loss %3.</source>
        <translation>第 %1 轮已训练：%2 步，损失 %3。</translation>
    </message>
    <message>
        <source>Run %1: stopped again at step %2 of %3; checkpoint kept.</source>
        <translation>运行 %1：再次在第 %2 / %3 步停止；检查点已保留。</translation>
    </message>
    <message>
        <source>Run %1 resumed and finished: %2 steps, loss %3.</source>
        <translation>运行 %1 已恢复并完成：%2 步，损失 %3。</translation>
    </message>
    <message>
        <source>Round %1 evaluated: accuracy %2 on %3 items.</source>
        <translation>第 %1 轮已评测：%3 道题目上准确率 %2。</translation>
    </message>
</context>
<context>
    <name>proda::TrainingWorkspace</name>
    <message>
        <source>Launch</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Try the Model</source>
        <translation>试用模型</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
</context>
<context>
    <name>proda::TryModelPanel</name>
    <message>
        <source>Score Options (Ctrl+Return)</source>
        <translation>为选项评分（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Checkpoint of:</source>
        <translation>检查点来源：</translation>
    </message>
    <message>
        <source>a benchmark item id, or type a question below</source>
        <translation>基准题目 ID，或在下方输入问题</translation>
    </message>
    <message>
        <source>Load Item</source>
        <translation>加载题目</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>题目：</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>题干：</translation>
    </message>
    <message>
        <source>&lt;b&gt;Option&lt;/b&gt;</source>
        <translation>&lt;b&gt;选项&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Key&lt;/b&gt;</source>
        <translation>&lt;b&gt;正确答案&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Probability among the four&lt;/b&gt;</source>
        <translation>&lt;b&gt;四个选项中的概率&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;log p (per byte)&lt;/b&gt;</source>
        <translation>&lt;b&gt;log p（每字节）&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Answer in its own words</source>
        <translation>用自己的话作答</translation>
    </message>
    <message>
        <source>Greedy</source>
        <translation>贪心</translation>
    </message>
    <message>
        <source>Sampled</source>
        <translation>采样</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Decoding:</source>
        <translation>解码：</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>温度：</translation>
    </message>
    <message>
        <source>Top-k:</source>
        <translation>Top-k：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>最多：</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>个词元</translation>
    </message>
    <message>
        <source>Generate (Ctrl+G)</source>
        <translation>生成（Ctrl+G）</translation>
    </message>
    <message>
        <source>The model&apos;s answer to the question above appears here.</source>
        <translation>模型对上方问题的回答会显示在这里。</translation>
    </message>
    <message>
        <source>No benchmark item %1 in the project.</source>
        <translation>项目中没有基准题目 %1。</translation>
    </message>
    <message>
        <source>round %1 (run %2, %3 steps)</source>
        <translation>第 %1 轮（运行 %2，%3 步）</translation>
    </message>
    <message>
        <source>endpoint %1 (%2)</source>
        <translation>端点 %1（%2）</translation>
    </message>
    <message>
        <source>its default model</source>
        <translation>其默认模型</translation>
    </message>
    <message>
        <source>No round has a trained checkpoint yet: train one in Launch.</source>
        <translation>还没有任何轮次有训练好的检查点：请在“启动”中训练一个。</translation>
    </message>
    <message>
        <source>Write a question and four options first.</source>
        <translation>请先写好一个问题和四个选项。</translation>
    </message>
    <message>
        <source>Asking the endpoint…</source>
        <translation>正在询问端点…</translation>
    </message>
    <message>
        <source>Scoring with the checkpoint…</source>
        <translation>正在用检查点评分…</translation>
    </message>
    <message>
        <source>The model gave no answer.</source>
        <translation>模型没有给出答案。</translation>
    </message>
    <message>
        <source>Write a question first (or load a benchmark item).</source>
        <translation>请先写一个问题（或加载一道基准题目）。</translation>
    </message>
    <message>
        <source>Generating with the checkpoint…</source>
        <translation>正在用检查点生成…</translation>
    </message>
    <message>
        <source>Could not generate: %1</source>
        <translation>无法生成：%1</translation>
    </message>
    <message>
        <source>(the model ended its answer at once)</source>
        <translation>（模型立即结束了回答）</translation>
    </message>
    <message>
        <source>its answer</source>
        <translation>它的答案</translation>
    </message>
    <message>
        <source>The model picks &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>模型选择 &lt;b&gt;%1&lt;/b&gt;（%2）</translation>
    </message>
    <message>
        <source>%1 Per byte it would pick %2.</source>
        <translation>%1 按每字节计算则会选择 %2。</translation>
    </message>
    <message>
        <source>%1: &lt;span style=&quot;color:#2e8b57&quot;&gt;right&lt;/span&gt;.</source>
        <translation>%1：&lt;span style=&quot;color:#2e8b57&quot;&gt;正确&lt;/span&gt;。</translation>
    </message>
    <message>
        <source>%1: &lt;span style=&quot;color:#c0392b&quot;&gt;wrong&lt;/span&gt; (the key is %2).</source>
        <translation>%1：&lt;span style=&quot;color:#c0392b&quot;&gt;错误&lt;/span&gt;（正确答案是 %2）。</translation>
    </message>
    <message>
        <source>Could not score: %1</source>
        <translation>无法评分：%1</translation>
    </message>
</context>
<context>
    <name>proda::Verdict</name>
    <message>
        <source>concept_gap</source>
        <translation>概念缺口</translation>
    </message>
    <message>
        <source>reasoning_deficit</source>
        <translation>推理缺陷</translation>
    </message>
</context>
<context>
    <name>proda::VerdictHeatmap</name>
    <message>
        <source>Concept gap</source>
        <translation>概念缺口</translation>
    </message>
    <message>
        <source>Reasoning deficit</source>
        <translation>推理缺陷</translation>
    </message>
    <message>
        <source>Not diagnosed</source>
        <translation>未诊断</translation>
    </message>
    <message>
        <source>Failed items by discipline and verdict; click a cell to list them.</source>
        <translation>按学科和判定统计的失败题目；点击单元格可列出它们。</translation>
    </message>
    <message>
        <source>(no discipline)</source>
        <translation>（无学科）</translation>
    </message>
    <message numerus="yes">
        <source>%n other disciplines</source>
        <translation>
            <numerusform>其他 %n 个学科</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>proda::graphstyle</name>
    <message>
        <source>kind of</source>
        <translation>是一种</translation>
    </message>
    <message>
        <source>part of</source>
        <translation>是一部分</translation>
    </message>
    <message>
        <source>causes</source>
        <translation>导致</translation>
    </message>
    <message>
        <source>prerequisite</source>
        <translation>前提</translation>
    </message>
    <message>
        <source>contrasts</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>function</source>
        <translation>功能</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
</TS>
