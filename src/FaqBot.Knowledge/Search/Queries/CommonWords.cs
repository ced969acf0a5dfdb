namespace FaqBot.Knowledge.Search.Queries;

// Everyday English words (not medical terms). A question word the knowledge does not contain counts little
// when it is one of these ("normal", "tomorrow", "honestly"), and a lot when it is not ("botox", "eczema"):
// an unknown specialist word usually means the question is about something the articles do not cover.
// The searcher also never "corrects" one of these words into another word.
internal static class CommonWords
{
    private static readonly HashSet<string> Words = new(
        """
        able about above accept accepted accident account across act action active activity actually add added address adult
        advice afford afraid after afternoon again age ago agree ahead air alive allow allowed almost alone along already
        alright also although always amazing amount angry animal another answer anxious anybody anymore anyone anything anyway
        anywhere apart appear apple appointment appreciate april area around arrive art article ask asked asleep aunt autumn
        available average avoid awake away awful baby bad badly bag bake ball bank bar base basic basically bath bathroom beach
        bear beard beat beautiful beauty became because become bed bedroom been beer before began begin beginning behind believe
        below belt beside best better between beyond big bigger bike bill bird birthday bit bite black blame blank blonde blue
        board boat boil book booked booking boot bored boring born borrow boss both bottle bottom bought bowl box boy boyfriend
        brand bread break breakfast bring broke brother brought brown brush budget build building bus business busy butter
        button buy cake call called calm came camera camp cancel candle car card care career careful carry case cash cat catch
        caught cause ceiling cell center centre certain chair chance change changed charge cheap check cheese chicken child
        children choice choose chose church city class classes clean clear clever climb clock close closed closer clothes cloud
        coat code coffee cold collect college color colour come comes comfortable coming common company compare complete
        completely computer concern concerned confused consider contact continue control cook cool copy corner correct cost
        costs could count country couple course cousin cover covered crazy credit cried cross crowd cry cup cut cute dad daily
        damage dance dangerous date daughter day days dead deal dear decide decided deep definitely degree delivery depend
        describe desk detail details did die died different difficult dinner direction dirty dish do does dog doing dollar
        dollars done door double doubt down downstairs dozen draw dream dress drink drive driver drop dry due during each early
        earn easier easily east easy eat eaten edge effort egg eight either else email empty end ended energy enjoy enough enter
        entire especially even evening event ever every everybody everyone everything everywhere exact exactly exam example
        excellent except excited exercise expect expensive experience explain extra fact fair fall family famous fan far farm
        fast fat father fault favorite favourite fear feel feeling fell felt few field fight figure fill final finally find fine
        finish finished fire first fish fit five fix flat flight floor flower fly follow food football forever forget forgot
        fork form forward four free fresh friday friend friends from front fruit full fun funny future game garden gave general
        get gets getting gift girl girlfriend give given glad glass go goes going gone good got grade grand grandma grass great
        green grew ground group grow guess guy guys half hall hang happen happened happy hard hardly hat hate have head hear
        heard heavy height hello help her here high hill him hire history hit hold hole holiday home honest honestly hope
        horrible horse hot hotel hour hours house how huge human hundred hungry hurry husband ice idea imagine important
        impossible include income increase indeed inside instead interest interested internet invite island item job join joke
        journey juice july jump june just keep kept key kid kids kill kind kitchen knew know knowledge lady lake land language
        large last late later laugh law lay lazy lead learn least leave left lend less lesson let letter level library lie life
        lift like liked likely line list listen little live lived lives local lock lonely long look looked looking lose losing
        lost lot loud love lovely low luck lucky lunch machine mad main make mall man manage many map march mark market married
        matter may maybe meal mean meaning meant measure meat medium meet meeting member memory men mention menu mess message
        met middle might mile milk mind minute minutes mirror miss missed mistake mom moment monday money month months mood more
        morning most mostly mother move movie much mum music must name narrow nasty national natural near nearly neat need
        needed neighbor neighbour nervous never new news next nice night nine nobody noise none normal normally north note
        nothing notice now number object obviously ocean odd off offer office often oil old older once one online only open
        opening opinion option orange order other otherwise outside over own owner page paid paint pair pants paper parent
        parents park part party pass past pay people per perfect perhaps period person phone photo pick picture piece pink place
        plan plane plant plate play please plenty pocket point police poor popular position possible post pound power practice
        prefer prepare present pretty price print private probably problem program promise proper properly protect proud prove
        public pull purple push put quick quickly quiet quite race rain raise ran rate rather reach read ready real realize
        really reason receive recent recently recommend red relax remember rent repeat reply rest result return rich ride right
        ring rise river road rock room round rule run rush sad said sale salt same sat saturday save saw say scared school sea
        season seat second see seem seen sell send sense sent serious service set seven several shape share she sheet ship shirt
        shoe shoes shop shopping short shot should shout show shower shut side sign silly simple simply since sing sister sit
        site six size skip sleep slow small smart smell smile snow soft sold some somebody somehow someone something sometimes
        somewhere son song soon sorry sort sound south space speak special spend spent sport spot spring stairs stand star start
        state stay step stick still stop store story straight strange street strong student study stuff stupid style sudden
        suddenly sugar suit summer sunday super supper support suppose sure surprise sweet swim system table take taken talk
        tall taste taxi tea teach teacher team tear teen teenager teens tell ten term terrible test text than thank thanks thing
        things think third thirty though thought thousand three threw throw thursday ticket tidy tie tight till time tiny tip
        tips tired today together told tomorrow tonight too took top total totally touch tough toward towards town toy train
        travel tree trip trouble true trust truth try trying tuesday turn twelve twenty twice two type ugly uncle under
        understand unless until unusual upset upstairs use used useful usual usually vacation various very view visit voice wait
        wake walk wall want war warm wash watch water way wear weather website wedding wednesday week weekend weeks weird
        welcome went west wet wheel while white whole wide wife wild will win window winter wish woman women wonder wonderful
        word words work worked worker works world worried worry worse worst worth would write wrong wrote yard yeah year years
        yellow yes yesterday yet young younger youth zero abroad absolutely accidentally aches actual addition admit adults
        advance advise afterwards ages agreed aim alot anxiety anyways appearance appreciated approach asap aside attempt
        attention august avoidance awesome awkward babies background bathing beforehand beginner bestie bits bloke blowdry brave
        bride brides bright broad brows bunch burning cant cheaper cheapest checked childhood chill clearly client clients
        colleague comfy commute confidence confident confirm cons constantly cosmetic coworker crap curious customer december
        decent delay depends deserve desperate detailed difference differently disappointed doable drinking driving dunno eager
        earlier easter edit elderly embarrassed embarrassing events everyday evidence expectations experienced explained
        extremely eyebrow eyebrows eyelashes eyelid eyelids fab fancy fantastic february fiance fifty folks forty freaked
        freaking frightened frustrated gentle genuinely glow glowing goal gonna gorgeous granddaughter grandmother grateful
        guarantee guaranteed happier happily hated heck helpful hers hesitant honeymoon hopefully hoping hubby hype ideally
        improve improved improvement incredibly insecure instagram instant instantly january kinda lately leaving legit
        lifestyle literally lol loved mainly mate maximum meanwhile mentioned mild mildly minimum minor mixed motivated nan
        newbie nicely nightmare noticeable noticed noticing november occasion occasionally october okay ones options overall
        overnight panic panicking paranoid partner patience paying perfectly personally photos pictures pitted planning plans
        pleased plus pointless pregnancy pregnant previous previously pricey prior pro process proof pros randomly realistic
        realistically reckon relaxed reliable reluctant review reviews risky routine scary selfie september seriously session
        sessions shy sibling similar sixty slightly smaller somewhat sooner spending squeamish stressed stressing strongly
        struggle stuck supposed surely surprised suspect teenage teenagers terrified thinking tiktok timeline toes trick
        twenties typical ugh unfortunately unsure upcoming vain video vs waiting wanting warned wasting wimp wondering worrying
        wow youtube poke shrink scientific science rid loss gain says saying ear ears eye eyes nose mouth chest cheek cheeks
        chin forehead neck arm arms leg legs hand hands finger fingers feet foot knee knees toe belly stomach tummy thighs butt
        shoulders shoulder back backs dark light lighter darker fade fading patch patches
        inject injected injection injections
        """.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>True for an everyday word or a plain inflection of one ("poking", "darker", "compared").</summary>
    public static bool Contains(string word) =>
        Words.Contains(word)
        || (word.Length > 4 && (
            Strip(word, "s") || Strip(word, "es") || Strip(word, "ed") || Strip(word, "d") || Strip(word, "ing") || Strip(word, "ing", "e")
            || Strip(word, "er") || Strip(word, "est") || Strip(word, "ly") || Strip(word, "er", "e") || Strip(word, "ied", "y") || Strip(word, "ies", "y")));

    private static bool Strip(string word, string suffix, string add = "") =>
        word.EndsWith(suffix, StringComparison.Ordinal) && Words.Contains(word[..^suffix.Length] + add);
}
