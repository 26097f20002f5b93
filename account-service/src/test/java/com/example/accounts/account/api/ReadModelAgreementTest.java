package com.example.accounts.account.api;

import com.example.accounts.account.application.AccountCommands;
import com.example.accounts.account.domain.Account;
import com.example.accounts.account.domain.Account.Device;
import com.example.accounts.account.domain.Account.Member;
import com.example.accounts.account.domain.AccountCommand;
import com.example.accounts.account.domain.AccountCommand.AddCompany;
import com.example.accounts.account.domain.AccountCommand.AddDevice;
import com.example.accounts.account.domain.AccountCommand.AddMember;
import com.example.accounts.account.domain.AccountCommand.AssignContactCenterRole;
import com.example.accounts.account.domain.AccountCommand.AssignQueue;
import com.example.accounts.account.domain.AccountCommand.ChangeBillingInfo;
import com.example.accounts.account.domain.AccountCommand.ChangeContactCenterRolePermissions;
import com.example.accounts.account.domain.AccountCommand.ChangeDevice;
import com.example.accounts.account.domain.AccountCommand.ChangePlan;
import com.example.accounts.account.domain.AccountCommand.ChangeProfile;
import com.example.accounts.account.domain.AccountCommand.ChangeRole;
import com.example.accounts.account.domain.AccountCommand.ChangeSettings;
import com.example.accounts.account.domain.AccountCommand.CreateGroup;
import com.example.accounts.account.domain.AccountCommand.CreateQueue;
import com.example.accounts.account.domain.AccountCommand.DefineSecurityPolicy;
import com.example.accounts.account.domain.AccountCommand.ProvisionSeat;
import com.example.accounts.account.domain.AccountDecider;
import com.example.accounts.account.domain.Vocabulary.GroupKind;
import com.example.accounts.contract.ConsistencyToken;
import com.example.accounts.contract.vocabulary.CcRole;
import com.example.accounts.contract.vocabulary.Module;
import com.example.accounts.contract.vocabulary.PolicyPermission;
import com.example.accounts.contract.vocabulary.QueueRole;
import com.example.accounts.contract.vocabulary.Role;
import com.example.accounts.contract.vocabulary.RuleId;
import com.example.accounts.launcher.PlatformTestResource;
import com.example.accounts.launcher.Tokens;
import com.example.accounts.rules.Refusal;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The read model and the write side agree, for good (PRM-2 against the rules each write enforces): random sequences
 * of account commands run by Ada through the real account-service; the permission-service, fed through Kafka with
 * what it published, is then asked about every member and every permission that has a write-side counterpart, and
 * its answer is compared with what the account-service decides when that member tries the counterpart. The trial is
 * the pure {@link AccountDecider#decide} on the account as the account-service itself loads it, so nothing changes.
 *
 * <p>Each trial is built to be valid input (fresh ids and names, or the current value, a no-op), so that a refusal
 * is about who tries it: a FORBIDDEN refusal (and the licence and plan rules SEAT-3/SEAT-5 where the module is the
 * question) counts as "denied", no refusal as "allowed", and any other refusal (a seat count reached, say) decides
 * nothing. A disagreement fails with the shortest command sequence found that still shows it, and the seed.
 * The table is in {@link #trials}; permissions with no account-service write (account.view, reports.view,
 * cc.analytics.view, the modules, support, training, queue logins) are the session-service's or reads, not compared.
 *
 * <p>Bounded: {@code agreement.tries} tries (150) within {@code agreement.seconds} (40 s), then up to
 * {@code agreement.shrink-seconds} (40 s) to shrink; {@code -Dagreement.seed=...} replays a run.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResource.class, initArgs = {@ResourceArg(name = "service", value = "account-service"),
        @ResourceArg(name = "needs", value = "permission-service")})
class ReadModelAgreementTest {

    private static final int MAX_STEPS = 12;
    private static final List<Module> SEATED = List.of(Module.REMOTE_SUPPORT, Module.SERVICE_DESK, Module.CONTACT_CENTER);
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "de");

    @Inject
    AccountCommands commands;

    /** What Ada does to the account; the numbers pick roles, members, groups... by their index, modulo what exists. */
    enum Op {
        ADD_MEMBER(4),
        CHANGE_ROLE(2),
        DELETE_MEMBER(1),
        PROVISION_SEAT(3),
        RELEASE_SEAT(1),
        CHANGE_PLAN(3),
        CHANGE_SETTINGS(1),
        CREATE_GROUP(2),
        CHANGE_USER_GROUPS(2),
        ASSIGN_SUPERVISED_GROUPS(3),
        ADD_DEVICE(2),
        ASSIGN_CC_ROLE(2),
        REVOKE_CC_ROLE(1),
        CREATE_QUEUE(2),
        ASSIGN_QUEUE(1),
        HAND_OVER_BILLING(1);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }
    }

    record Step(Op op, int a, int b, int c) {
    }

    /** A disagreement: its kind (permission, trial, the member's role, which side allows) and what each side said. */
    record Disagreement(String signature, String detail) {
    }

    /** What one run of a sequence showed: the steps as they went, and the disagreements found after them. */
    record Outcome(List<String> log, List<Disagreement> disagreements, int compared, int undecided, Map<String, int[]> coverage) {
    }

    @Test
    void PRM2_SEAT3_SEAT5_CC1_CMP4_ACC1_USR4_theReadModelAnswersWhatTheAccountServiceDoes() {
        long seed = Long.getLong("agreement.seed", new Random().nextLong());
        int tries = Integer.getInteger("agreement.tries", 150);
        Duration searchBound = Duration.ofSeconds(Integer.getInteger("agreement.seconds", 40));
        Duration shrinkBound = Duration.ofSeconds(Integer.getInteger("agreement.shrink-seconds", 40));
        System.out.println("[agreement] seed " + seed + " (replay with -Dagreement.seed=" + seed + ")");
        Random random = new Random(seed);
        Instant searchEnd = Instant.now().plus(searchBound);
        Map<String, List<Step>> failing = new LinkedHashMap<>();
        Map<String, Outcome> firstSeen = new LinkedHashMap<>();
        int tried = 0;
        int compared = 0;
        int undecided = 0;
        Map<String, int[]> coverage = new TreeMap<>();
        for (; tried < tries && Instant.now().isBefore(searchEnd); tried++) {
            List<Step> steps = steps(random);
            Outcome outcome = run(steps);
            compared += outcome.compared();
            undecided += outcome.undecided();
            outcome.coverage().forEach((key, counts) -> {
                int[] total = coverage.computeIfAbsent(key, k -> new int[2]);
                total[0] += counts[0];
                total[1] += counts[1];
            });
            for (Disagreement d : outcome.disagreements()) {
                if (!failing.containsKey(d.signature())) {
                    failing.put(d.signature(), steps);
                    firstSeen.put(d.signature(), outcome);
                }
            }
        }
        System.out.println("[agreement] " + tried + " tries, " + compared + " answers compared, " + undecided
                + " trials that decided nothing, " + failing.size() + " kinds of disagreement");
        // what was compared, so that a generator that stops reaching a case shows: permission / role, allowed of compared
        System.out.println("[agreement] allowed/compared: " + String.join(", ", coverage.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0]).toList()));
        if (failing.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("The read model and the account-service disagree (seed " + seed
                + ", replay with -Dagreement.seed=" + seed + "):\n");
        Instant shrinkEnd = Instant.now().plus(shrinkBound);
        for (Map.Entry<String, List<Step>> entry : failing.entrySet()) {
            String signature = entry.getKey();
            List<Step> shortest = Instant.now().isBefore(shrinkEnd) ? shrink(entry.getValue(), signature, shrinkEnd) : entry.getValue();
            Outcome shown = shortest == entry.getValue() ? firstSeen.get(signature) : run(shortest);
            Disagreement found = shown.disagreements().stream().filter(d -> d.signature().equals(signature)).findFirst()
                    .orElseGet(() -> firstSeen.get(signature).disagreements().stream().filter(d -> d.signature().equals(signature)).findFirst().orElseThrow());
            report.append("\n* ").append(signature).append("\n  ").append(found.detail())
                    .append("\n  after ").append(shortest.size() - 1).append(" commands by Ada on a new account (with a company, a user and a device group):");
            shown.log().forEach(line -> report.append("\n    ").append(line));
        }
        fail(report.toString());
    }

    // --- generating and shrinking ---------------------------------------------------------------------------------

    /** A sequence: its first step is the plan the account opens with, the others Ada's commands. */
    private static List<Step> steps(Random random) {
        int total = 0;
        for (Op op : Op.values()) {
            total += op.weight;
        }
        int length = random.nextInt(1, MAX_STEPS + 1);
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Op.CHANGE_PLAN, random.nextInt(1 << 10), random.nextInt(1 << 10), random.nextInt(1 << 10)));
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(total);
            Op chosen = null;
            for (Op op : Op.values()) {
                pick -= op.weight;
                if (pick < 0) {
                    chosen = op;
                    break;
                }
            }
            steps.add(new Step(chosen, random.nextInt(1 << 10), random.nextInt(1 << 10), random.nextInt(1 << 10)));
        }
        return steps;
    }

    /** Removes runs of commands, halving their length, while the sequence still shows the same disagreement. */
    private List<Step> shrink(List<Step> steps, String signature, Instant end) {
        List<Step> shortest = steps;
        for (int chunk = Math.max(1, (shortest.size() - 1) / 2); chunk >= 1 && Instant.now().isBefore(end); chunk = chunk == 1 ? 0 : Math.max(1, chunk / 2)) {
            boolean removed = true;
            while (removed && Instant.now().isBefore(end)) {
                removed = false;
                for (int from = 1; from + chunk <= shortest.size() && Instant.now().isBefore(end); from++) {
                    List<Step> candidate = new ArrayList<>(shortest.subList(0, from));
                    candidate.addAll(shortest.subList(from + chunk, shortest.size()));
                    if (run(candidate).disagreements().stream().anyMatch(d -> d.signature().equals(signature))) {
                        shortest = candidate;
                        removed = true;
                        break;
                    }
                }
            }
        }
        return shortest;
    }

    // --- running a sequence through the real account-service ------------------------------------------------------

    /** One account's run: the ids Ada got back, in the order she got them, so that the same steps pick the same things. */
    private static final class Run {
        final String ada = ApiFixture.token(Tokens.DEMO_ADMIN);
        final String accountId;
        final String base;
        final List<UUID> members = new ArrayList<>();
        final Map<UUID, Role> roles = new LinkedHashMap<>();
        final List<UUID> userGroups = new ArrayList<>();
        final List<UUID> deviceGroups = new ArrayList<>();
        final List<UUID> queues = new ArrayList<>();
        final UUID company;
        final List<String> log = new ArrayList<>();
        String consistency;
        int created;

        Run(Step opening) {
            String plan = plan(opening);
            Response opened = given().auth().oauth2(ada).contentType(ContentType.JSON)
                    .body("{\"name\": \"Agreement\", \"plan\": " + plan + ", \"admin\": {\"name\": \"Ada\", \"email\": \"ada@demo.example\"}}")
                    .post("/accounts");
            log.add("OpenAccount(" + plan + ") -> " + opened.statusCode());
            accountId = opened.then().statusCode(201).extract().path("accountId");
            members.add(UUID.fromString(opened.path("memberId")));
            roles.put(members.get(0), Role.ADMIN);
            base = "/accounts/" + accountId;
            Response company = as().body("{\"name\": \"Customer\"}").post(base + "/companies");
            this.company = UUID.fromString(company.then().statusCode(201).extract().path("companyId"));
            // a group of each kind from the start, so that short sequences reach what limited admins supervise (CMP-3)
            userGroups.add(UUID.fromString(as().body("{\"name\": \"Team\"}").post(base + "/user-groups").then().statusCode(201).extract().path("groupId")));
            Response devices = as().body("{\"name\": \"Servers\"}").post(base + "/device-groups");
            deviceGroups.add(UUID.fromString(devices.then().statusCode(201).extract().path("groupId")));
            consistency = devices.header(ConsistencyToken.HEADER);
        }

        RequestSpecification as() {
            return given().auth().oauth2(ada).contentType(ContentType.JSON);
        }

        static <T> T pick(List<T> items, int n) {
            return items.isEmpty() ? null : items.get(n % items.size());
        }

        String member(int n) {
            return "member#" + (n % members.size()) + (n % members.size() == 0 ? " (Ada)" : "");
        }

        /** Logs what was asked and answered, and keeps the consistency token of every write. */
        Response record(String what, Response response) {
            String rule = response.statusCode() >= 400 && String.valueOf(response.contentType()).contains("json")
                    ? Optional.ofNullable(response.jsonPath().getString("rule")).map(r -> " " + r).orElse("")
                    : "";
            log.add(what + " -> " + response.statusCode() + rule);
            if (response.statusCode() < 300 && response.header(ConsistencyToken.HEADER) != null) {
                consistency = response.header(ConsistencyToken.HEADER);
            }
            return response;
        }

        void skip(String what) {
            log.add(what + " -> skipped (nothing to pick)");
        }

        void apply(Step s) {
            switch (s.op()) {
                case ADD_MEMBER -> {
                    Role role = Role.values()[s.a() % Role.values().length];
                    Response r = record("AddMember(" + role + ")", as().body("{\"name\": \"Member " + (++created) + "\", \"email\": \"agreement."
                            + UUID.randomUUID() + "@example.com\", \"role\": \"" + role + "\"}").post(base + "/members"));
                    if (r.statusCode() == 201) {
                        members.add(UUID.fromString(r.path("memberId")));
                        roles.put(members.get(members.size() - 1), role);
                        // and, one time in two, straight into the groups: a limited admin supervising, anyone else a member (CMP-3, USR-4)
                        int added = members.size() - 1;
                        if (s.c() % 2 == 0 && role == Role.LIMITED_ADMIN) {
                            supervise(added, userGroups.subList(0, 1), deviceGroups.subList(0, 1));
                        } else if (s.c() % 2 == 0) {
                            groups(added, userGroups.subList(0, 1));
                        }
                    }
                }
                case CHANGE_ROLE -> {
                    Role role = Role.values()[s.b() % Role.values().length];
                    Response r = record("ChangeRole(" + member(s.a()) + ", " + role + ")",
                            as().body("{\"role\": \"" + role + "\"}").put(base + "/members/" + pick(members, s.a()) + "/role"));
                    if (r.statusCode() == 200) {
                        roles.put(pick(members, s.a()), role);
                    }
                }
                case DELETE_MEMBER -> {
                    Response r = record("DeleteMember(" + member(s.a()) + ")", as().delete(base + "/members/" + pick(members, s.a())));
                    if (r.statusCode() < 300) {
                        roles.remove(pick(members, s.a()));
                    }
                }
                case PROVISION_SEAT -> {
                    // one time in three Ada's contact-center licence, which opens the contact center's administration (CC-1)
                    int member = s.c() % 3 == 0 ? 0 : s.a();
                    Module module = s.c() % 3 == 0 ? Module.CONTACT_CENTER : SEATED.get(s.b() % SEATED.size());
                    record("ProvisionSeat(" + member(member) + ", " + module + ")", as().put(base + "/members/" + pick(members, member) + "/seats/" + module));
                }
                case RELEASE_SEAT -> {
                    Module module = SEATED.get(s.b() % SEATED.size());
                    record("ReleaseSeat(" + member(s.a()) + ", " + module + ")", as().delete(base + "/members/" + pick(members, s.a()) + "/seats/" + module));
                }
                case CHANGE_PLAN -> {
                    String body = plan(s);
                    record("ChangePlan(" + body + ")", as().body(body).put(base + "/plan"));
                }
                case CHANGE_SETTINGS -> {
                    String body = "{\"serverInviteEmails\": " + ((s.a() & 1) == 1) + ", \"coOrganizers\": " + ((s.a() & 2) == 2)
                            + ", \"defaultLanguage\": \"" + LANGUAGES.get(s.b() % LANGUAGES.size()) + "\"}";
                    record("ChangeSettings(" + body + ")", as().body(body).put(base + "/settings"));
                }
                case CREATE_GROUP -> {
                    boolean users = s.a() % 2 == 0;
                    Response r = record("CreateGroup(" + (users ? "USER" : "DEVICE") + ")", as().body("{\"name\": \"Group " + (++created) + "\"}")
                            .post(base + (users ? "/user-groups" : "/device-groups")));
                    if (r.statusCode() == 201) {
                        (users ? userGroups : deviceGroups).add(UUID.fromString(r.path("groupId")));
                    }
                }
                case CHANGE_USER_GROUPS -> {
                    groups(s.a(), s.c() % 4 == 0 ? List.of() : List.of(pick(userGroups, s.b())));
                }
                case ASSIGN_SUPERVISED_GROUPS -> {
                    // mostly a limited admin, the only role that supervises (CMP-3)
                    List<UUID> limited = members.stream().filter(id -> roles.get(id) == Role.LIMITED_ADMIN).toList();
                    int target = s.a() % 4 != 0 && !limited.isEmpty() ? members.indexOf(pick(limited, s.a() / 4)) : s.a();
                    supervise(target, s.b() % 4 == 0 ? List.of() : List.of(pick(userGroups, s.b() / 4)),
                            s.c() % 4 == 0 ? List.of() : List.of(pick(deviceGroups, s.c() / 4)));
                }
                case ADD_DEVICE -> {
                    UUID group = s.a() % 2 == 0 ? pick(deviceGroups, s.b()) : null;
                    record("AddDevice(" + (group == null ? "no group" : names("device group", deviceGroups, List.of(group))) + ")",
                            as().body("{\"name\": \"Device " + (++created) + "\", \"companyId\": \"" + company + "\", \"deviceGroupId\": "
                                    + (group == null ? "null" : "\"" + group + "\"") + "}").post(base + "/devices"));
                }
                case ASSIGN_CC_ROLE, REVOKE_CC_ROLE -> {
                    CcRole role = CcRole.values()[s.b() % CcRole.values().length];
                    String path = base + "/contact-center/members/" + pick(members, s.a()) + "/roles/" + role;
                    boolean assign = s.op() == Op.ASSIGN_CC_ROLE;
                    record((assign ? "AssignContactCenterRole(" : "RevokeContactCenterRole(") + member(s.a()) + ", " + role + ")",
                            assign ? as().put(path) : as().delete(path));
                }
                case CREATE_QUEUE -> {
                    if (s.b() % 2 == 0) {
                        record("ProvisionSeat(" + member(0) + ", CONTACT_CENTER)", as().put(base + "/members/" + members.get(0) + "/seats/CONTACT_CENTER"));
                    }
                    Response r = record("CreateQueue", as().body("{\"name\": \"Queue " + (++created) + "\"}").post(base + "/contact-center/queues"));
                    if (r.statusCode() == 201) {
                        queues.add(UUID.fromString(r.path("queueId")));
                    }
                }
                case ASSIGN_QUEUE -> {
                    if (queues.isEmpty()) {
                        skip("AssignQueue");
                        return;
                    }
                    QueueRole role = QueueRole.values()[s.c() % QueueRole.values().length];
                    record("AssignQueue(queue#" + (s.a() % queues.size()) + ", " + member(s.b()) + ", " + role + ")",
                            as().body("{\"role\": \"" + role + "\"}")
                                    .put(base + "/contact-center/queues/" + pick(queues, s.a()) + "/members/" + pick(members, s.b())));
                }
                case HAND_OVER_BILLING -> record("HandOverBillingContact(" + member(s.a()) + ")",
                        as().body("{\"memberId\": \"" + pick(members, s.a()) + "\"}").put(base + "/billing-contact"));
            }
        }

        void groups(int member, List<UUID> groups) {
            record("ChangeUserGroups(" + member(member) + ", " + names("user group", userGroups, groups) + ")",
                    as().body("{\"userGroups\": " + json(groups) + "}").put(base + "/members/" + pick(members, member) + "/groups"));
        }

        void supervise(int member, List<UUID> users, List<UUID> devices) {
            record("AssignSupervisedGroups(" + member(member) + ", " + names("user group", userGroups, users) + ", "
                    + names("device group", deviceGroups, devices) + ")",
                    as().body("{\"userGroups\": " + json(users) + ", \"deviceGroups\": " + json(devices) + "}")
                            .put(base + "/members/" + pick(members, member) + "/supervised-groups"));
        }

        /** A plan: CONTACT_CENTER in two of three, the licence being the question most often asked; 0 to 3 seats each. */
        static String plan(Step s) {
            List<Module> modules = new ArrayList<>();
            for (Module module : Module.values()) {
                boolean in = module == Module.CONTACT_CENTER ? s.c() % 3 != 0 : (s.a() >> module.ordinal() & 1) == 1;
                if (in) {
                    modules.add(module);
                }
            }
            List<String> seats = new ArrayList<>();
            for (Module module : modules) {
                if (module.seatBearing()) {
                    seats.add("{\"module\": \"" + module + "\", \"seats\": " + (s.b() >> (2 * SEATED.indexOf(module)) & 3) + "}");
                }
            }
            return "{\"modules\": [" + String.join(", ", modules.stream().map(m -> "\"" + m + "\"").toList()) + "], \"seats\": ["
                    + String.join(", ", seats) + "]}";
        }

        private static String names(String kind, List<UUID> all, List<UUID> chosen) {
            return chosen.isEmpty() ? "no " + kind : String.join(", ", chosen.stream().map(id -> kind + "#" + all.indexOf(id)).toList());
        }

        private static String json(List<UUID> ids) {
            return "[" + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList()) + "]";
        }
    }

    /** The first step opens the account (its plan); the others are Ada's commands. */
    private Outcome run(List<Step> steps) {
        Run run = new Run(steps.get(0));
        steps.subList(1, steps.size()).forEach(run::apply);
        Account state = commands.load(UUID.fromString(run.accountId)).await().atMost(Duration.ofSeconds(20)).state();
        List<Trial> trials = trials(state, run);
        List<Map<String, Object>> answers = readModel(run, trials);
        List<Disagreement> disagreements = new ArrayList<>();
        Map<String, int[]> coverage = new LinkedHashMap<>();
        int undecided = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < trials.size(); i++) {
            Trial trial = trials.get(i);
            boolean readAllows = Boolean.TRUE.equals(answers.get(i).get("allowed"));
            String write;
            Boolean writeAllows;
            try {
                AccountDecider.decide(trial.command().get(), state);
                write = "decides it";
                writeAllows = true;
            } catch (Refusal refused) {
                write = "refuses it (" + refused.kind() + " " + refused.rule() + ": " + refused.getMessage() + ")";
                writeAllows = trial.denies().test(refused) ? false : null;
            }
            if (writeAllows == null) {
                undecided++;
                continue;
            }
            int[] counts = coverage.computeIfAbsent(trial.permission() + " " + trial.who(), k -> new int[2]);
            counts[0]++;
            counts[1] += writeAllows ? 1 : 0;
            if (writeAllows != readAllows) {
                String signature = trial.permission() + (trial.resourceLabel() == null ? "" : " on a " + trial.resourceLabel()) + " vs "
                        + trial.name() + ", for " + trial.who() + ": read model " + (readAllows ? "allows" : "denies") + ", account-service "
                        + (writeAllows ? "decides it" : "refuses it");
                if (seen.add(signature)) {
                    disagreements.add(new Disagreement(signature, trial.member() + ": the permission-service "
                            + (readAllows ? "allows " : "denies ") + trial.permission() + (trial.resource() == null ? "" : " on " + trial.resource())
                            + " " + answers.get(i).get("reasons") + "; the account-service " + write + " for " + trial.name()));
                }
            }
        }
        return new Outcome(run.log, disagreements, trials.size() - undecided, undecided, coverage);
    }

    // --- the table: each permission and the command that is its write-side counterpart -----------------------------

    /**
     * A permission asked of the read model about a member (on a resource, or none), and the command that member would
     * send to do it; {@code denies} tells the refusals that answer "no" for that member.
     */
    record Trial(UUID memberId, String member, String who, String permission, String resource, String resourceLabel, String name,
            Supplier<AccountCommand> command, Predicate<Refusal> denies) {
    }

    private static final Predicate<Refusal> FORBIDDEN = v -> v.kind() == Refusal.Kind.FORBIDDEN;
    /** CC-1, SEAT-3, SEAT-5: administering the contact center needs the module in the plan and the member's licence. */
    private static final Predicate<Refusal> NOT_CONTACT_ADMIN = v -> v.kind() == Refusal.Kind.FORBIDDEN
            || Set.of(RuleId.SEAT_3, RuleId.SEAT_5).contains(v.rule());

    private static List<Trial> trials(Account state, Run run) {
        Instant now = Instant.now();
        List<Member> members = state.members().values().stream().sorted(Comparator.comparing(m -> run.members.indexOf(m.memberId()))).toList();
        Member ada = state.members().get(run.members.get(0));
        List<Trial> trials = new ArrayList<>();
        for (Member m : members) {
            String label = "member#" + run.members.indexOf(m.memberId()) + (m == ada ? " (Ada)" : "");
            String who = m.role().toString();
            String flags = (m.memberId().equals(state.billingContact()) ? ", billing contact" : "")
                    + (state.members().size() == 1 ? ", the only member" : "");
            String seats = m.seats().isEmpty() ? "no seat" : "seats " + m.seats().stream().sorted().toList();
            String held = label + " (" + who + flags + "; " + seats + "; contact-center roles " + m.contactCenterRoles().stream().sorted().toList()
                    + (m.role() == Role.LIMITED_ADMIN
                            ? "; supervising " + m.supervisedUserGroups().size() + " user and "
                                    + m.supervisedDeviceGroups().size() + " device groups"
                            : "")
                    + ")";
            String login = m.loginId();
            class Table {
                void add(String permission, String resource, String resourceLabel, String name, Supplier<AccountCommand> command,
                        Predicate<Refusal> denies) {
                    trials.add(new Trial(m.memberId(), held, "(" + who + ")", permission, resource, resourceLabel, name, command, denies));
                }
            }
            Table t = new Table();
            t.add("account.settings.manage", null, null, "ChangeSettings (the current ones)",
                    () -> new ChangeSettings(login, state.settings(), now), FORBIDDEN);
            t.add("members.manage", null, null, "AddMember (a new email, STANDARD)", () -> new AddMember(login, UUID.randomUUID(), "probe-login", false,
                    "Probe", "probe." + UUID.randomUUID() + "@example.com", Role.STANDARD, null, null, null, now), FORBIDDEN);
            for (Member target : members) {
                String targetLabel = "member:" + target.memberId();
                if (!target.memberId().equals(m.memberId())) {
                    t.add("members.manage", targetLabel, target.role() + " member", "ChangeRole (to the role it has)",
                            () -> new ChangeRole(login, target.memberId(), target.role(), now), FORBIDDEN);
                }
                seatToTry(state, target).ifPresent(module -> t.add("seats.provision", targetLabel, target.role() + " member",
                        "ProvisionSeat (" + module + ")", () -> new ProvisionSeat(login, target.memberId(), module, now),
                        v -> v.kind() == Refusal.Kind.FORBIDDEN || v.rule() == RuleId.SEAT_1));
            }
            t.add("groups.manage", null, null, "CreateGroup (a new user group)",
                    () -> new CreateGroup(login, GroupKind.USER, UUID.randomUUID(), "Probe " + UUID.randomUUID(), now), FORBIDDEN);
            // CMP-4: a limited admin adds devices to the device groups it supervises; anyone else to no group
            UUID supervised = m.role() == Role.LIMITED_ADMIN ? m.supervisedDeviceGroups().stream().sorted().findFirst().orElse(null) : null;
            t.add("devices.manage", null, null, supervised == null ? "AddDevice (in no device group)" : "AddDevice (into a device group it supervises)",
                    () -> new AddDevice(login, UUID.randomUUID(), "Probe", run.company, supervised, now), FORBIDDEN);
            for (Device device : state.devices().values()) {
                t.add("devices.manage", "device:" + device.deviceId(), device.deviceGroupId() == null
                        ? "device in no group"
                        : m.supervisedDeviceGroups().contains(device.deviceGroupId()) ? "device of a group it supervises" : "device of another group",
                        "ChangeDevice (unchanged)",
                        () -> new ChangeDevice(login, device.deviceId(), device.name(), device.companyId(), device.deviceGroupId(), now),
                        FORBIDDEN);
            }
            t.add("companies.manage", null, null, "AddCompany", () -> new AddCompany(login, UUID.randomUUID(), "Probe " + UUID.randomUUID(), now), FORBIDDEN);
            t.add("security-policies.manage", null, null, "DefineSecurityPolicy",
                    () -> new DefineSecurityPolicy(login, UUID.randomUUID(), "Probe " + UUID.randomUUID(), "", List.of(PolicyPermission.CHAT), now), FORBIDDEN);
            t.add("subscription.change", null, null, "ChangePlan (the current one)", () -> new ChangePlan(login, state.plan(), now), FORBIDDEN);
            t.add("billing.change", null, null, "ChangeBillingInfo (the current one)", () -> new ChangeBillingInfo(login, state.billingInfo(), now), FORBIDDEN);
            t.add("profile.manage-own", null, null, "ChangeProfile (own, unchanged)", () -> new ChangeProfile(login, m.memberId(), m.name(), m.email(), now),
                    FORBIDDEN);
            t.add("cc.admin", null, null, "CreateQueue", () -> new CreateQueue(login, UUID.randomUUID(), "Probe " + UUID.randomUUID(), now), NOT_CONTACT_ADMIN);
            t.add("cc.admin", null, null, "ChangeContactCenterRolePermissions (AGENT, the current ones)",
                    () -> new ChangeContactCenterRolePermissions(login, CcRole.AGENT, List.copyOf(state.contactCenter().agentPermissions()), now),
                    NOT_CONTACT_ADMIN);
            t.add("cc.admin", null, null, "AssignContactCenterRole (AGENT to Ada)",
                    () -> new AssignContactCenterRole(login, ada.memberId(), CcRole.AGENT, now), NOT_CONTACT_ADMIN);
            // CC-8, ACC-1: who may be put into a queue as agent or supervisor, where the licence is not the question
            if (!state.queues().isEmpty() && m.seats().contains(Module.CONTACT_CENTER) && state.plan().modules().contains(Module.CONTACT_CENTER)) {
                UUID queue = state.queues().keySet().stream().min(Comparator.comparing(run.queues::indexOf)).orElseThrow();
                t.add("cc.queue.login", null, null, "AssignQueue (by Ada, as AGENT)",
                        () -> new AssignQueue(ada.loginId(), queue, m.memberId(), QueueRole.AGENT, now), v -> v.rule() == RuleId.CC_8);
                t.add("cc.queue.supervise", null, null, "AssignQueue (by Ada, as SUPERVISOR)",
                        () -> new AssignQueue(ada.loginId(), queue, m.memberId(), QueueRole.SUPERVISOR, now),
                        v -> v.kind() == Refusal.Kind.INVALID && v.rule() == RuleId.CC_1 && "role".equals(v.field()));
            }
        }
        return trials;
    }

    /**
     * A technician seat the member holds (a no-op), else one of the plan's with seats left; else no trial: the count
     * would answer. Not the contact-center licence: seats.provision is asked per member, not per module, and a limited
     * admin provisions every seat but that licence (CC-1), which the read model cannot be asked about apart.
     */
    private static Optional<Module> seatToTry(Account state, Member target) {
        List<Module> seats = List.of(Module.REMOTE_SUPPORT, Module.SERVICE_DESK);
        Optional<Module> held = seats.stream().filter(target.seats()::contains).findFirst();
        return held.isPresent()
                ? held
                : seats.stream()
                        .filter(module -> state.plan().modules().contains(module) && state.seatsInUse(module) < state.seatsBought(module)).findFirst();
    }

    /** The permission-service's answers, asked by Ada with the consistency token of the last write (PRM-4). */
    private static List<Map<String, Object>> readModel(Run run, List<Trial> trials) {
        String url = ConfigProvider.getConfig().getValue("platform.permission-service.url", String.class) + "/accounts/" + run.accountId + "/checks";
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int from = 0; from < trials.size(); from += 100) {
            List<Map<String, String>> checks = new ArrayList<>();
            for (Trial trial : trials.subList(from, Math.min(trials.size(), from + 100))) {
                Map<String, String> check = new LinkedHashMap<>();
                check.put("member", trial.memberId().toString());
                check.put("permission", trial.permission());
                if (trial.resource() != null) {
                    check.put("resource", trial.resource());
                }
                checks.add(check);
            }
            Response answered = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                answered = given().auth().oauth2(run.ada).contentType(ContentType.JSON).header(ConsistencyToken.HEADER, run.consistency)
                        .body(Map.of("checks", checks)).post(url);
                if (answered.statusCode() != 503) {
                    break;
                }
            }
            answered.then().statusCode(200);
            answers.addAll(answered.jsonPath().getList("results"));
        }
        return answers;
    }
}
