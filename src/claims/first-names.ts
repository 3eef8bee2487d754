/**
 * Common given names that English-language news almost always writes for one sex, so that a later
 * "he" or "she" is not resolved to someone of the other ("Diana Orrock said …. “…,” he said."). Names
 * given to both (Chris, Pat, Kelly, Jordan, Terry, Dana, Lee, Jean, Robin, Leslie …) are in neither list.
 */

const FEMALE = new Set(
  ('Abigail Ada Adrienne Agnes Aileen Alexandra Alice Alicia Alison Allison Amanda Amber Amelia Amy Ana Andrea Angela Angelina Anita Ann Anna Anne Annette Antonia ' +
    'April Arlene Audrey Ayanna Barbara Beatrice Becky Belinda Bernadette Beth Bethany Betsy Betty Beverly Bonnie Brenda Brianna Bridget Brittany Brooke ' +
    'Candace Candice Carla Carly Carmen Carol Carole Caroline Carolyn Catherine Cathy Cecile Cecilia Celia Charlotte Chelsea Cheryl Christina Christine Cindy Claire Clara ' +
    'Claudia Colleen Condoleezza Connie Corinne Courtney Cynthia Daisy Danielle Daphne Darlene Dawn Debbie Deborah Debra Deirdre Delores Denise Diana Diane Dianne ' +
    'Dolores Donna Dora Doris Dorothy Dottie Edith Eileen Elaine Eleanor Elena Elisabeth Elise Eliza Elizabeth Ella Ellen Eloise Emily Emma Erica Erin Esther ' +
    'Eva Eve Evelyn Faith Felicia Fiona Florence Frances Gabrielle Gail Gayle Geneva Georgia Geraldine Gina Gloria Grace Gretchen Gwen Gwendolyn Hannah Harriet ' +
    'Hazel Heather Heidi Helen Helena Hillary Hilary Holly Hope Ileana Ingrid Irene Iris Isabel Isabella Ivanka Jacqueline Jane Janet Janice Janine Jasmine ' +
    'Jeanne Jeannette Jennifer Jenny Jessica Jill Joan Joanna Joanne Jodi Josephine Joy Joyce Juanita Judith Judy Julia Julie Juliet June Karen Kate Katherine ' +
    'Kathleen Kathryn Kathy Katie Katrina Kayla Kellyanne Kirsten Kristen Kristin Kristina Laura Lauren Laurie Leah Leticia Lillian Linda Lindsay Lindsey Lisa Lois ' +
    'Loretta Lori Lorraine Louise Lucia Lucy Lydia Lynne Madeleine Madeline Madison Maggie Marcia Margaret Maria Marian Marianne Marie Marilyn Marina Marjorie ' +
    'Marsha Martha Mary Maureen Maxine Megan Megyn Melanie Melania Melinda Melissa Meredith Mia Michele Michelle Mika Mildred Miranda Miriam Molly Monica Nancy Naomi ' +
    'Natalie Natasha Nicole Nikki Nina Nora Norma Olivia Paige Pamela Patricia Patsy Patty Paula Pauline Peggy Penny Phyllis Priscilla Rachel Rebecca Regina ' +
    'Renee Rhonda Rita Roberta Rosa Rosalind Rose Rosemary Ruth Sabrina Sally Samantha Sandra Sara Sarah Shannon Sharon Sheila Shelley Sherry Shirley Silvia Sonia ' +
    'Sophia Sophie Stacy Stephanie Sue Susan Susanna Suzanne Sylvia Tamara Tammy Tanya Teresa Theresa Tiffany Tina Tracey Valerie Vanessa Vera Veronica Vicki ' +
    'Victoria Virginia Wanda Wendy Whitney Yolanda Yvonne Zoe').split(' '),
);

const MALE = new Set(
  ('Aaron Abraham Adam Alan Albert Alberto Alec Alexander Alfred Allen Alvin Andrew Andy Angus Anthony Antonio Arnold Arthur Barack Barry Ben Benjamin Bernard ' +
    'Bernie Bill Billy Bob Bobby Brad Bradley Brandon Brent Brett Brian Bruce Bryan Byron Calvin Carl Carlos Cecil Chad Charles Charlie Chuck Clarence Clark ' +
    'Claude Clifford Clint Cory Craig Curt Curtis Dale Dan Daniel Danny Darrell Dave David Dean Dennis Derek Devin Dick Don Donald Doug Douglas Duane ' +
    'Dustin Dwight Earl Ed Eddie Edgar Eduardo Edward Edwin Elijah Elliot Elliott Emmanuel Eric Erik Ernest Ernesto Eugene Evan Felipe Fernando Floyd Francis ' +
    'Francisco Frank Franklin Fred Frederick Gabriel Gary Gene George Gerald Gilbert Glenn Gordon Grant Greg Gregory Guy Hank Harold Harry Harvey Hector Henry ' +
    'Herbert Herman Howard Hugh Hugo Ian Ira Isaac Ivan Jack Jacob Jake James Jared Jason Javier Jay Jeb Jeff Jeffrey Jeremy Jerome Jerry Jim Jimmy Joe Joel ' +
    'John Johnny Jon Jonathan Jorge Jose Joseph Josh Joshua Juan Julian Justin Karl Keith Ken Kenneth Kevin Kurt Kyle Lamar Lance Larry Lawrence Leo Leon ' +
    'Leonard Leroy Lewis Lincoln Lloyd Lou Louis Luis Luke Lyndon Malcolm Marco Marcus Mario Mark Martin Marvin Matt Matthew Maurice Max Melvin ' +
    'Michael Miguel Mike Mitch Mitchell Mitt Mohammed Muhammad Nathan Nathaniel Neil Newt Nicholas Nick Noah Norman Oliver Omar Orrin Oscar Owen Patrick Paul ' +
    'Pedro Perry Pete Peter Phil Philip Phillip Ralph Randall Randy Ray Raymond Reince Rex Ricardo Richard Rick Ricky Rob Robert Roberto Rod Rodney Roger ' +
    'Roland Ron Ronald Ronnie Ross Roy Rudolph Rudy Russ Russell Ryan Sam Samuel Scott Sean Sergio Seth Shane Shaun Sherrod Stanley Stephen Steve Steven ' +
    'Stuart Ted Teddy Theodore Thomas Tim Timothy Todd Tom Tommy Tony Travis Trent Troy Tyler Vernon Victor Vincent Wade Walter Warren Wayne Wesley Wilbur ' +
    'Will William Willie Xavier Zachary').split(' '),
);

/** 'f' or 'm' for a given name news writes almost only for women or for men ("Diana", "Reince"); undefined otherwise. */
export function firstNameGender(name: string): 'm' | 'f' | undefined {
  return FEMALE.has(name) ? 'f' : MALE.has(name) ? 'm' : undefined;
}
