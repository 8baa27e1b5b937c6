/**
 * Common given names with the gender they usually carry, to make 'she said' skip a man and
 * 'he said' skip a woman when the article itself does not tell (no Mr./Ms., no earlier he/she).
 * General knowledge of frequent English-language, Arabic, South Asian, African and European
 * given names; a name missing here is simply unknown, never wrong.
 */
const MALE_NAMES =
  'aaron abdul abdullah abdulrahman abu adam adrian ahmad ahmed ajay akbar alan albert alex alexander ali amir amit andrew ' +
  'anthony antonio arjun arthur asad ashraf barack ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brian bruce ' +
  'carl carlos charles charlie chris christopher chuck colin craig dan daniel danny darren dave david dennis donald doug douglas ' +
  'ed eddie edward emmanuel eric erik evan farid frank fred gary george gerald glenn gordon greg gregory hamid hans harry hassan ' +
  'henry howard hugh hussein ian ibrahim imran ismail ivan jack jacob jake james jamal jared jason javier jay jeb jeff jeffrey ' +
  'jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan justin karim keith ken kenneth ' +
  'kevin khalid kyle larry lawrence lee leonard louis luis mahmoud marco marcus mario mark martin matt matthew max michael ' +
  'mike mitch mitt mohamed mohammad mohammed muhammad mustafa nabil nathan neil newt nicholas nick noah omar oscar pablo ' +
  'patrick paul pedro pete peter phil philip rahul rajesh ralph rand randy raymond reince ricardo richard rick rob robert roger ' +
  'ron ronald roy rudy russell ryan saeed said salman sam samuel scott sean sergei sergey shahid simon stephen steve steven ' +
  'stuart tariq ted terry thomas tim timothy todd tom tony tyler usman victor vladimir walter wayne william yusuf zaid';
const FEMALE_NAMES =
  'aisha alexandra alice alicia allison amanda amber amy ana andrea angela ann anna anne annie ashley barbara betty beverly ' +
  'brenda carly carol caroline carolyn catherine cheryl christina christine cindy claire claudia cynthia dana deborah debbie ' +
  'debra denise diana diane donna dorothy elena elizabeth ellen emily emma erin fatima fatma gabrielle gloria grace hannah ' +
  'heather heidi helen hillary holly hope huma irene jane janet janice jean jeanne jennifer jessica jill joan joanna joy joyce ' +
  'judith judy julia julie karen kate katherine kathleen kathy katie kayleigh kellyanne kelly kim kimberly kirsten laura lauren ' +
  'layla leila linda lisa loretta lori lucy lynn madeleine malala margaret maria marie marilyn martha mary maryam megan megyn ' +
  'melania melissa michelle miriam monica nancy natalie nicole nikki nina nora olivia pam pamela patricia paula rachel rebecca ' +
  'rita rosa ruth samantha sandra sara sarah sharon shirley sophia stephanie susan suzanne tammy teresa theresa tiffany tulsi ' +
  'valerie victoria virginia wendy yasmin yasmine zainab zeinab';

export const GIVEN_NAME_GENDER: ReadonlyMap<string, 1 | -1> = new Map<string, 1 | -1>([
  ...MALE_NAMES.split(' ').map((n) => [n, 1] as [string, 1]),
  ...FEMALE_NAMES.split(' ').map((n) => [n, -1] as [string, -1]),
]);
