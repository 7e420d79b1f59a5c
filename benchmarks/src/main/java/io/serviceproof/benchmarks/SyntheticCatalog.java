package io.serviceproof.benchmarks;

import io.serviceproof.catalog.exchange.LibraryDocument;
import io.serviceproof.catalog.exchange.LibraryYaml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded synthetic frameworks in our library format: three-level requirement trees whose English
 * and Chinese titles are drawn from the vocabulary of real management-system clauses, so the search
 * index sees realistic term frequencies, and the ids look like clause numbers (4.2.7).
 */
final class SyntheticCatalog {

    static final List<String> ENGLISH = List.of(
            "access",
            "control",
            "logging",
            "monitoring",
            "incident",
            "response",
            "supplier",
            "service",
            "level",
            "agreement",
            "availability",
            "backup",
            "restore",
            "change",
            "management",
            "risk",
            "assessment",
            "treatment",
            "competence",
            "training",
            "awareness",
            "documented",
            "information",
            "audit",
            "review",
            "objectives",
            "planning",
            "capacity",
            "continuity",
            "security",
            "privacy",
            "personal",
            "data",
            "transfer",
            "cross-border",
            "retention",
            "deletion",
            "encryption",
            "keys",
            "identity",
            "authentication",
            "remote",
            "session",
            "maintenance",
            "firmware",
            "patch",
            "vulnerability",
            "network",
            "segmentation",
            "inspection",
            "model",
            "validation",
            "accuracy",
            "measurement",
            "reporting",
            "customer",
            "notification",
            "complaint",
            "improvement",
            "nonconformity",
            "corrective",
            "action",
            "asset",
            "inventory",
            "classification",
            "labelling",
            "physical",
            "environment",
            "cloud",
            "tenant",
            "isolation",
            "time",
            "synchronisation",
            "evidence",
            "records",
            "policy",
            "roles",
            "responsibilities",
            "leadership",
            "commitment",
            "context");

    static final List<String> CHINESE = List.of(
            "访问控制", "日志", "监视", "事件", "响应", "供应商", "服务", "级别", "协议", "可用性", "备份", "恢复", "变更", "管理", "风险", "评估", "处置",
            "能力", "培训", "意识", "成文信息", "审核", "评审", "目标", "策划", "容量", "连续性", "安全", "隐私", "个人信息", "数据", "出境", "保留", "删除",
            "加密", "密钥", "身份", "鉴别", "远程", "会话", "维护", "固件", "补丁", "漏洞", "网络", "分段", "检测", "模型", "验证", "准确性", "测量", "报告",
            "客户", "通知", "投诉", "改进", "不符合", "纠正措施");

    private SyntheticCatalog() {}

    /** {@code count} requirements under key {@code key}, edition 1, seeded by the key. */
    static String framework(String key, int count) {
        Random random = new Random(key.hashCode());
        StringBuilder yaml = new StringBuilder();
        yaml.append("  - key: ").append(key).append('\n');
        yaml.append("    name: \"Synthetic ").append(key).append("\"\n");
        yaml.append("    edition: \"1\"\n    kind: checklist\n    status: current\n");
        yaml.append("    provenance: {tag: M, source: benchmark}\n    requirements:\n");
        int written = 0;
        for (int clause = 1; written < count; clause++) {
            String top = Integer.toString(clause);
            written += requirement(yaml, top, null, random);
            for (int sub = 1; sub <= 9 && written < count; sub++) {
                String middle = top + "." + sub;
                written += requirement(yaml, middle, top, random);
                for (int leaf = 1; leaf <= 9 && written < count; leaf++) {
                    written += requirement(yaml, middle + "." + leaf, middle, random);
                }
            }
        }
        return yaml.toString();
    }

    private static int requirement(StringBuilder yaml, String ref, String parent, Random random) {
        yaml.append("      - {ref: \"").append(ref).append('"');
        if (parent != null) {
            yaml.append(", parent: \"").append(parent).append('"');
        }
        yaml.append(", kind: requirement, title: \"").append(words(ENGLISH, 3 + random.nextInt(4), " ", random));
        yaml.append("\", zh: \"")
                .append(words(CHINESE, 2 + random.nextInt(2), "", random))
                .append("\"}\n");
        return 1;
    }

    private static String words(List<String> vocabulary, int n, String separator, Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return text.toString();
    }

    /** A library document holding the given framework blocks and mapping lines. */
    static LibraryDocument document(List<String> frameworks, List<String> mappings) {
        StringBuilder yaml = new StringBuilder("format: serviceproof-library/v1\nframeworks:\n");
        frameworks.forEach(yaml::append);
        if (!mappings.isEmpty()) {
            yaml.append("mappings:\n");
            mappings.forEach(line -> yaml.append(line).append('\n'));
        }
        return LibraryYaml.read(new ByteArrayInputStream(yaml.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A confirmed mapping line between two refs of edition-1 synthetic frameworks. */
    static String mapping(String source, String target, String relationship, int strength) {
        return "  - {source: \"" + source + "\", target: \"" + target + "\", relationship: " + relationship
                + ", rationale: semantic, strength: " + strength
                + ", status: confirmed, method: human, provenance: {tag: M, source: benchmark}}";
    }
}
